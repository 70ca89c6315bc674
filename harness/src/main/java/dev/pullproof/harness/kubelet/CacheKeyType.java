package dev.pullproof.harness.kubelet;

/** {@code CredentialProviderResponse.cacheKeyType}: what a cached answer is keyed by. */
public enum CacheKeyType {
  /** The image exactly as the pod spec names it. */
  IMAGE,
  /** The image's registry: everything before its first {@code /}. */
  REGISTRY,
  /** One entry for every image the provider matches. */
  GLOBAL;

  /** Parses the wire form ({@code Image}, {@code Registry}, {@code Global}). */
  static CacheKeyType parse(String text) {
    switch (text) {
      case "Image":
        return IMAGE;
      case "Registry":
        return REGISTRY;
      case "Global":
        return GLOBAL;
      default:
        throw new IllegalArgumentException(
            "cacheKeyType must be Image, Registry or Global, got '" + text + "'");
    }
  }

  /** The cache key this type gives {@code image}. */
  String keyFor(String image) {
    switch (this) {
      case IMAGE:
        return "image:" + image;
      case REGISTRY:
        return "registry:" + registryOf(image);
      default:
        return "global";
    }
  }

  /** As the kubelet's {@code parseRegistry}: the part before the first {@code /}. */
  static String registryOf(String image) {
    int slash = image.indexOf('/');
    return slash < 0 ? image : image.substring(0, slash);
  }
}
