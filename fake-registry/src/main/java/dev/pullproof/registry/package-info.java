/**
 * A real OCI distribution registry for tests: {@link dev.pullproof.registry.FakeRegistry}, built by
 * {@link dev.pullproof.registry.FakeRegistryBuilder}. The entry type assembles the handler chain
 * from the packages below; nothing below depends on it.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md">OCI
 *     distribution spec</a>
 */
package dev.pullproof.registry;
