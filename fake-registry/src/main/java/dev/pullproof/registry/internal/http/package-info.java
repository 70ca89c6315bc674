/**
 * The registry's request pipeline ({@link dev.pullproof.registry.internal.http.HandlerChain}): one
 * Undertow handler per step, each wrapping the next, and one handler per endpoint. Not API: only
 * the entry type builds it.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#endpoints">
 *     distribution-spec endpoints</a>
 */
package dev.pullproof.registry.internal.http;
