package dev.pullproof.harness.kubelet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The kubelet's per-provider credential cache: entries keyed by image, registry or "global", each
 * valid until its expiry; a lookup tries the image's key, then its registry's, then the global one.
 */
final class CredentialCache {
  private record Entry(ProviderResponse response, Instant expiresAt) {}

  private final Clock clock;
  private final Map<String, Entry> entries = new HashMap<>();

  CredentialCache(Clock clock) {
    this.clock = clock;
  }

  synchronized Optional<ProviderResponse> lookup(String image) {
    Instant now = clock.instant();
    entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
    for (CacheKeyType type : CacheKeyType.values()) {
      Entry e = entries.get(type.keyFor(image));
      if (e != null) {
        return Optional.of(e.response());
      }
    }
    return Optional.empty();
  }

  /** Keeps {@code response} for {@code image} for its duration, or the default; 0 keeps nothing. */
  synchronized void store(String image, ProviderResponse response, ProviderConfig config) {
    Duration keep = response.cacheDuration().orElse(config.defaultCacheDuration());
    if (!keep.isZero()) {
      entries.put(
          response.cacheKeyType().keyFor(image), new Entry(response, clock.instant().plus(keep)));
    }
  }
}
