package dev.pullproof.helper.script;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a kubelet answer is shaped: the {@code cacheKeyType}, the {@code cacheDuration} (a Go
 * duration string as the kubelet parses it, e.g. {@code 5m0s}) and the key of the {@code auth} map
 * (empty: the image's registry host).
 */
public record KubeletOptions(String cacheKeyType, String cacheDuration, Optional<String> authKey) {
  public static final Set<String> CACHE_KEY_TYPES = Set.of("Image", "Registry", "Global");
  public static final KubeletOptions DEFAULT =
      new KubeletOptions("Registry", "0s", Optional.empty());

  public KubeletOptions {
    if (!CACHE_KEY_TYPES.contains(cacheKeyType)) {
      throw new IllegalArgumentException(
          "cacheKeyType must be Image, Registry or Global, got " + cacheKeyType);
    }
    Objects.requireNonNull(cacheDuration, "cacheDuration");
    Objects.requireNonNull(authKey, "authKey");
  }
}
