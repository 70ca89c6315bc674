package dev.pullproof.helper.script;

import java.time.Duration;
import java.util.Objects;

/**
 * One answer of a rule, given {@code times} calls in a row (0 = every remaining call), after a
 * {@code delay}.
 */
public record Step(Answer answer, Duration delay, int times) {
  public Step {
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, got " + delay);
    }
    if (times < 0) {
      throw new IllegalArgumentException("times must be >= 0, got " + times);
    }
  }

  public static Step always(Answer answer) {
    return new Step(answer, Duration.ZERO, 0);
  }
}
