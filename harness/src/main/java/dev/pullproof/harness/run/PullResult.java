package dev.pullproof.harness.run;

import java.time.Duration;

/**
 * What a pull did.
 *
 * @param error the client's error verbatim (CRI: {@code code = Unknown desc = ...}; ctr: its
 *     output); empty on success
 * @param imageRef the pulled image's reference or digest as the client reported it; empty on
 *     failure
 */
public record PullResult(boolean success, String error, String imageRef, Duration duration) {
  public PullResult {
    error = error == null ? "" : error;
    imageRef = imageRef == null ? "" : imageRef;
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException("duration must be zero or more");
    }
    if (!success && error.isEmpty()) {
      throw new IllegalArgumentException("a failed pull needs its error text");
    }
  }

  public static PullResult succeeded(String imageRef, Duration duration) {
    return new PullResult(true, "", imageRef, duration);
  }

  public static PullResult failed(String error, Duration duration) {
    return new PullResult(false, error, "", duration);
  }
}
