package dev.pullproof.harness.validate.model;

import java.util.Locale;

/**
 * An image reference as the kubelet hands it to containerd, split the way containerd's reference
 * parser does: a first component with a dot, a colon or {@code localhost} is the registry, else the
 * image is on Docker Hub ({@code docker.io}, with {@code library/} for one-component names).
 *
 * @param registry the host (and port) the hosts directory is looked up by, e.g. {@code docker.io}
 * @param repository e.g. {@code library/nginx}
 * @param tag the tag; {@code latest} when neither a tag nor a digest is given, empty with a digest
 * @param digest {@code sha256:...} when the reference pins one, else empty
 */
public record ImageRef(
    String original, String registry, String repository, String tag, String digest) {
  public static final String DOCKER_HUB = "docker.io";

  public static ImageRef parse(String ref) {
    String text = ref == null ? "" : ref.strip();
    if (text.isEmpty() || text.contains(" ") || text.contains("://")) {
      throw new IllegalArgumentException(
          "'"
              + ref
              + "' is not an image reference (write e.g. registry.example:5000/team/app:1.0)");
    }
    String registry = DOCKER_HUB;
    String rest = text;
    String digest = "";
    int at = text.indexOf('@');
    if (at > 0) {
      digest = text.substring(at + 1);
      rest = text.substring(0, at);
    }
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first.toLowerCase(Locale.ROOT);
        registry = registry.equals("index.docker.io") ? DOCKER_HUB : registry;
        rest = rest.substring(slash + 1);
      }
    }
    String tag = digest.isEmpty() ? "latest" : "";
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    if (rest.isEmpty()
        || (tag.isEmpty() && digest.isEmpty())
        || !rest.equals(rest.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "'" + ref + "' is not an image reference (repository names are lower case)");
    }
    return new ImageRef(text, registry, rest, tag, digest);
  }

  /** The host (and port) the hosts directory is looked up by: {@link #registry()}. */
  public String host() {
    return registry;
  }

  /** {@code repository:tag}, as a fake registry's image list takes it. */
  public String repositoryAndTag() {
    return repository + ":" + tag;
  }
}
