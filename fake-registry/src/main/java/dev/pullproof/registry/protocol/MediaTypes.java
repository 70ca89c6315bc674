package dev.pullproof.registry.protocol;

import java.util.Set;

/**
 * The manifest and config media types the registry negotiates.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/media-types.md">OCI image
 *     media types</a>
 */
public final class MediaTypes {
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  public static final String DOCKER_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  public static final String DOCKER_LAYER_GZIP =
      "application/vnd.docker.image.rootfs.diff.tar.gzip";

  /** Types that list other manifests. */
  public static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_LIST);

  /** Every manifest type the registry accepts on push. */
  public static final Set<String> MANIFESTS =
      Set.of(OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);

  /**
   * Whether a layer of this type is non-distributable (OCI {@code ...layer.nondistributable.v1.*},
   * Docker {@code ...rootfs.foreign.diff.*}): its blob is fetched from its own URLs, so registries
   * may hold manifests without it.
   */
  public static boolean isNonDistributable(String layerType) {
    return layerType != null
        && (layerType.startsWith("application/vnd.oci.image.layer.nondistributable.")
            || layerType.startsWith("application/vnd.docker.image.rootfs.foreign."));
  }

  private MediaTypes() {}
}
