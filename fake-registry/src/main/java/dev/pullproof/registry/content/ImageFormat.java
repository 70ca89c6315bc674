package dev.pullproof.registry.content;

import java.util.List;

/** Which manifest representations a synthetic image's tag gets. */
public enum ImageFormat {
  OCI(List.of(ManifestFlavor.OCI)),
  DOCKER(List.of(ManifestFlavor.DOCKER)),
  /** Both, so the registry negotiates between them by the client's Accept header. */
  BOTH(List.of(ManifestFlavor.OCI, ManifestFlavor.DOCKER));

  private final List<ManifestFlavor> flavors;

  ImageFormat(List<ManifestFlavor> flavors) {
    this.flavors = flavors;
  }

  /** The flavors to publish, the tag's first representation first. */
  public List<ManifestFlavor> flavors() {
    return flavors;
  }
}
