package dev.pullproof.harness.scenario;

import java.util.List;

/**
 * A synthetic image a registry serves from the start.
 *
 * @param layerSizes bytes per layer, base first
 * @param multiArch a linux/amd64 + linux/arm64 index instead of a single manifest
 * @param format which manifest media types the tag is served as
 */
public record ImageEntry(
    String repository,
    String tag,
    List<Long> layerSizes,
    boolean multiArch,
    Format format,
    long seed) {

  public static final long DEFAULT_LAYER = 1 << 20;

  public ImageEntry {
    if (repository == null || !repository.matches("[a-z0-9]+([._/-][a-z0-9]+)*")) {
      throw new IllegalArgumentException(
          "image repository must be lower-case name components separated by '/': " + repository);
    }
    if (tag == null || !tag.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}")) {
      throw new IllegalArgumentException(
          "image tag must match [A-Za-z0-9_][A-Za-z0-9._-]*: " + tag);
    }
    layerSizes = List.copyOf(layerSizes);
    if (layerSizes.isEmpty() || layerSizes.stream().anyMatch(s -> s < 0)) {
      throw new IllegalArgumentException("image layers must be one or more sizes >= 0");
    }
    if (format == null) {
      throw new IllegalArgumentException("image format is required");
    }
  }

  /** {@code name:tag} with one 1 MiB layer, OCI, single platform. */
  public static ImageEntry parse(String nameAndTag) {
    int colon = nameAndTag.lastIndexOf(':');
    if (colon <= 0 || nameAndTag.indexOf('/', colon) >= 0) {
      throw new IllegalArgumentException(
          "image must be written name:tag, got '" + nameAndTag + "'");
    }
    return new ImageEntry(
        nameAndTag.substring(0, colon),
        nameAndTag.substring(colon + 1),
        List.of(DEFAULT_LAYER),
        false,
        Format.OCI,
        0);
  }

  /** The manifest media types a tag is served as: OCI, Docker schema 2, or both. */
  public enum Format {
    OCI,
    DOCKER,
    BOTH
  }

  public String reference() {
    return repository + ":" + tag;
  }
}
