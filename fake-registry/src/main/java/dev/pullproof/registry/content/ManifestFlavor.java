package dev.pullproof.registry.content;

import dev.pullproof.registry.protocol.MediaTypes;

/** One family of manifest media types: OCI or Docker schema 2. */
public enum ManifestFlavor {
  OCI(
      MediaTypes.OCI_MANIFEST,
      MediaTypes.OCI_INDEX,
      MediaTypes.OCI_CONFIG,
      MediaTypes.OCI_LAYER_GZIP),
  DOCKER(
      MediaTypes.DOCKER_MANIFEST,
      MediaTypes.DOCKER_LIST,
      MediaTypes.DOCKER_CONFIG,
      MediaTypes.DOCKER_LAYER_GZIP);

  private final String manifestType;
  private final String indexType;
  private final String configType;
  private final String layerType;

  ManifestFlavor(String manifestType, String indexType, String configType, String layerType) {
    this.manifestType = manifestType;
    this.indexType = indexType;
    this.configType = configType;
    this.layerType = layerType;
  }

  public String manifestType() {
    return manifestType;
  }

  /** The type listing per-platform manifests: OCI index or Docker manifest list. */
  public String indexType() {
    return indexType;
  }

  public String configType() {
    return configType;
  }

  /** The gzip'd tar layer type. */
  public String layerType() {
    return layerType;
  }
}
