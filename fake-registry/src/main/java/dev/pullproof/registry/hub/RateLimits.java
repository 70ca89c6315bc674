package dev.pullproof.registry.hub;

import java.time.Duration;

/**
 * The numbers of a Docker Hub-like rate limit.
 *
 * @param anonymousLimit manifest GETs per window for anonymous clients (per source address)
 * @param authenticatedLimit manifest GETs per window per user
 * @param window the sliding window the pull limits count over, shown as {@code w=SECONDS}
 * @param abuseLimit requests of any kind per source address per {@code abuseWindow}
 * @param message the TOOMANYREQUESTS error message
 * @param retryAfter the {@code Retry-After} of 429 answers, or null for none
 * @see <a href="https://docs.docker.com/docker-hub/usage/pulls/">Docker Hub pull usage and
 *     limits</a>
 */
public record RateLimits(
    int anonymousLimit,
    int authenticatedLimit,
    Duration window,
    int abuseLimit,
    Duration abuseWindow,
    String message,
    Duration retryAfter) {
  /** No limit: nothing counted, no headers. */
  public static final int UNLIMITED = -1;

  public RateLimits {
    check(anonymousLimit, "anonymousLimit");
    check(authenticatedLimit, "authenticatedLimit");
    check(abuseLimit, "abuseLimit");
    positive(window, "window");
    positive(abuseWindow, "abuseWindow");
    if (window.toSeconds() < 1) {
      throw new IllegalArgumentException("window must be at least 1 s (headers say w=SECONDS)");
    }
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("message must not be empty");
    }
  }

  boolean limitsPulls() {
    return anonymousLimit != UNLIMITED || authenticatedLimit != UNLIMITED;
  }

  private static void check(int limit, String field) {
    if (limit < 0 && limit != UNLIMITED) {
      throw new IllegalArgumentException(field + " must be 0 or more (or UNLIMITED), got " + limit);
    }
  }

  private static void positive(Duration d, String field) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be a positive duration, got " + d);
    }
  }
}
