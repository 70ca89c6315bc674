package dev.pullproof.harness.validate.model;

/**
 * An image reference reduced to what host lookup needs: the registry host containerd resolves it
 * against. A name without a registry part ({@code nginx}, {@code team/app}) is on {@code
 * docker.io}, as is {@code index.docker.io/...}; the first part is a registry when it has a dot or
 * a colon, or is {@code localhost}.
 */
public record ImageRef(String text, String host) {

  public static ImageRef parse(String text) {
    String ref = text == null ? "" : text.trim();
    if (ref.isEmpty() || ref.contains(" ") || ref.contains("://")) {
      throw new IllegalArgumentException(
          "image '"
              + text
              + "': not an image reference (write e.g. registry.example:5000/team/app:1.0)");
    }
    int slash = ref.indexOf('/');
    if (slash < 0) {
      return new ImageRef(ref, "docker.io");
    }
    String first = ref.substring(0, slash);
    boolean isHost = first.contains(".") || first.contains(":") || first.equals("localhost");
    if (!isHost) {
      return new ImageRef(ref, "docker.io");
    }
    String host = first.toLowerCase();
    return new ImageRef(ref, host.equals("index.docker.io") ? "docker.io" : host);
  }
}
