package dev.pullproof.helper.kubelet;

/**
 * The registry host of an image reference as the kubelet and containerd read it: the first path
 * component when it looks like a host (has a dot or a port, or is {@code localhost}), else {@code
 * docker.io}.
 */
public final class ImageName {
  private ImageName() {}

  public static String registryHost(String image) {
    int slash = image.indexOf('/');
    if (slash < 0) {
      return "docker.io";
    }
    String first = image.substring(0, slash);
    return first.contains(".") || first.contains(":") || first.equals("localhost")
        ? first
        : "docker.io";
  }
}
