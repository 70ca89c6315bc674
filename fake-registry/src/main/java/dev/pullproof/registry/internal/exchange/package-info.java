/**
 * The exchange attachments the handler chain shares: route, principal, error code and fault. The
 * lowest package that knows Undertow, so authentication, faults, Hub emulation and the mirror write
 * what they learn without depending on the handlers that read it.
 */
package dev.pullproof.registry.internal.exchange;
