/**
 * What a registry stores: content-addressed blobs on disk, repositories with their manifests and
 * tags, upload sessions; and ways to fill it: synthetic images ({@link
 * dev.pullproof.registry.content.ImagePublisher}) and OCI image layouts.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/manifest.md">OCI image
 *     manifest</a>
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-layout.md">OCI image
 *     layout</a>
 */
package dev.pullproof.registry.content;
