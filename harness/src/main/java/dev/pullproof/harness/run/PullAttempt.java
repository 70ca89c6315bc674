package dev.pullproof.harness.run;

import dev.pullproof.harness.scenario.Via;
import java.time.Duration;
import java.time.Instant;

/**
 * One pull as it happened.
 *
 * @param pull the index of the scenario's {@code [[pull]]}, from 0
 * @param repetition from 1 to the scenario's {@code repeat}
 * @param error verbatim; empty on success
 */
public record PullAttempt(
    int pull,
    int repetition,
    String image,
    Via via,
    boolean success,
    String error,
    Instant started,
    Duration duration) {
  public PullAttempt {
    if (pull < 0 || repetition < 1) {
      throw new IllegalArgumentException("pull must be >= 0 and repetition >= 1");
    }
    error = error == null ? "" : error;
    if (image == null || via == null || started == null || duration == null) {
      throw new IllegalArgumentException("image, via, started and duration are required");
    }
  }
}
