package dev.pullproof.registry.content;

import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.RepositoryName;
import java.util.List;

/**
 * What {@link ImagePublisher} stored: for each representation of the tag, its top-level manifest
 * and every platform's manifest, config and layers.
 *
 * @param representations the tag's representations, the one {@code tag} set first
 */
public record PublishedImage(
    RepositoryName repository, String tag, List<Representation> representations) {

  public PublishedImage {
    representations = List.copyOf(representations);
    if (representations.isEmpty()) {
      throw new IllegalArgumentException("representations must not be empty");
    }
  }

  /** The top-level manifest digest of the first representation (OCI when both were published). */
  public Digest digest() {
    return representations.get(0).manifest().digest();
  }

  /** The representation in this flavor. */
  public Representation representation(ManifestFlavor flavor) {
    return representations.stream()
        .filter(r -> r.flavor() == flavor)
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no " + flavor + " representation of " + tag));
  }

  /**
   * One manifest family of the image.
   *
   * @param manifest the top-level manifest the tag points at: an index or list when there are
   *     several platforms, else the one platform's image manifest
   */
  public record Representation(
      ManifestFlavor flavor, Descriptor manifest, List<PlatformImage> platforms) {
    public Representation {
      platforms = List.copyOf(platforms);
    }

    public boolean isIndex() {
      return manifest.mediaType().equals(flavor.indexType());
    }

    public PlatformImage platform(Platform platform) {
      return platforms.stream()
          .filter(p -> p.platform().equals(platform))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no image for " + platform));
    }
  }

  /**
   * One platform's image manifest and what it references.
   *
   * @param diffIds the uncompressed digest of each layer, as the config's rootfs lists them
   */
  public record PlatformImage(
      Platform platform,
      Descriptor manifest,
      Descriptor config,
      List<Descriptor> layers,
      List<Digest> diffIds) {
    public PlatformImage {
      layers = List.copyOf(layers);
      diffIds = List.copyOf(diffIds);
    }
  }
}
