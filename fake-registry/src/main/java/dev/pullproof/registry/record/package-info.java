/**
 * Recording a real registry and replaying it offline. {@link Recorder} is a proxy on loopback that
 * real clients pull through: it forwards each request to the upstream registry (and to its token
 * realm), follows redirects to storage hosts, and writes every exchange to a directory with its
 * bodies, credentials and tokens replaced by placeholders. {@link Recording} reads that directory
 * back, and {@link Replay} answers from it inside a fake registry's handler chain, behind the fault
 * rules, re-issuing tokens from a {@link dev.pullproof.registry.auth.TokenService} so that expiry
 * still applies.
 */
package dev.pullproof.registry.record;
