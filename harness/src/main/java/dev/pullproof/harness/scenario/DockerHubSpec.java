package dev.pullproof.harness.scenario;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Docker Hub's behaviour for a registry: token auth under Hub's service name, rate-limit headers
 * and 429s past the pull limit (manifest GETs per client per sliding window) or the abuse limit
 * (any request per source address). An empty limit does not apply.
 */
public record DockerHubSpec(
    Optional<Integer> anonymousLimit,
    Optional<Integer> authenticatedLimit,
    Duration window,
    Optional<Integer> abuseLimit,
    Duration abuseWindow,
    Optional<Duration> retryAfter,
    Optional<String> message) {

  public static final DockerHubSpec DEFAULTS =
      new DockerHubSpec(
          Optional.empty(),
          Optional.empty(),
          Duration.ofHours(6),
          Optional.empty(),
          Duration.ofMinutes(1),
          Optional.empty(),
          Optional.empty());

  public DockerHubSpec {
    for (Optional<Integer> limit : java.util.List.of(anonymousLimit, authenticatedLimit)) {
      limit.ifPresent(
          n -> {
            if (n < 0) {
              throw new IllegalArgumentException("pull limits must be 0 or more, got " + n);
            }
          });
    }
    abuseLimit.ifPresent(
        n -> {
          if (n < 0) {
            throw new IllegalArgumentException("abuse_limit must be 0 or more, got " + n);
          }
        });
    if (window == null || window.toSeconds() < 1) {
      throw new IllegalArgumentException("window must be at least 1s, got " + window);
    }
    if (abuseWindow == null || abuseWindow.isZero() || abuseWindow.isNegative()) {
      throw new IllegalArgumentException("abuse_window must be positive, got " + abuseWindow);
    }
    Objects.requireNonNull(retryAfter, "retry_after");
    Objects.requireNonNull(message, "message");
  }
}
