/**
 * The distribution protocol's values, each input parsed once into a type: repository names,
 * references, digests, Accept headers, routes, principals, and the one table of error codes. Plain
 * Java, no server.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md">OCI
 *     distribution spec</a>
 */
package dev.pullproof.registry.protocol;
