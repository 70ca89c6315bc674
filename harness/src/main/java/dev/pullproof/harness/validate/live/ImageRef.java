package dev.pullproof.harness.validate.live;

import java.util.Locale;

/**
 * An image reference as the kubelet hands it to containerd, split the way containerd's reference
 * parser does: a first component with a dot, a colon or {@code localhost} is the registry, else the
 * image is on Docker Hub ({@code docker.io}, with {@code library/} for one-component names).
 *
 * @param registry the host (and port) the hosts directory is looked up by, e.g. {@code docker.io}
 * @param repository e.g. {@code library/nginx}
 * @param tag the tag; {@code latest} when none is given
 */
public record ImageRef(String original, String registry, String repository, String tag) {
  public static final String DOCKER_HUB = "docker.io";

  public static ImageRef parse(String ref) {
    String text = ref == null ? "" : ref.strip();
    if (text.isEmpty() || text.contains(" ")) {
      throw new IllegalArgumentException("'" + ref + "' is not an image reference");
    }
    if (text.contains("@")) {
      throw new IllegalArgumentException(
          "'"
              + ref
              + "' pins a digest; the live check serves synthetic images, so give the image by tag");
    }
    String registry = DOCKER_HUB;
    String rest = text;
    int slash = text.indexOf('/');
    if (slash > 0) {
      String first = text.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first.toLowerCase(Locale.ROOT);
        rest = text.substring(slash + 1);
      }
    }
    String tag = "latest";
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    if (rest.isEmpty() || tag.isEmpty() || !rest.equals(rest.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "'" + ref + "' is not an image reference (repository names are lower case)");
    }
    return new ImageRef(text, registry, rest, tag);
  }

  /** {@code repository:tag}, as a fake registry's image list takes it. */
  public String repositoryAndTag() {
    return repository + ":" + tag;
  }
}
