/**
 * A pull-through mirror: what it mirrors ({@link dev.pullproof.registry.mirror.MirrorConfig}) and
 * the chain step that fetches missing manifests and blobs from the upstream, answering its
 * challenges as a registry client does.
 *
 * @see <a href="https://distribution.github.io/distribution/recipes/mirror/">distribution: registry
 *     as a pull-through cache</a>
 */
package dev.pullproof.registry.mirror;
