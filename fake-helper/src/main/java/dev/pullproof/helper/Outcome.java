package dev.pullproof.helper;

import dev.pullproof.helper.script.Answer;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one call produces: the bytes for stdout and stderr and the exit code, or an end by hanging
 * or by a signal; the delay before any of it; and what the invocation log says about it ({@code
 * rule}: the rule key, {@code store} or {@code default}; {@code answer}: secrets already redacted).
 */
public record Outcome(
    String stdout,
    String stderr,
    int exit,
    Duration delay,
    Optional<Answer.Hang> hang,
    Optional<Answer.Crash> crash,
    String rule,
    Map<String, Object> answer) {
  public Outcome {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(hang, "hang");
    Objects.requireNonNull(crash, "crash");
    Objects.requireNonNull(rule, "rule");
    answer = Collections.unmodifiableMap(new LinkedHashMap<>(answer));
  }

  public static Outcome exit(
      String stdout, String stderr, int exit, String rule, Map<String, Object> answer) {
    return new Outcome(
        stdout, stderr, exit, Duration.ZERO, Optional.empty(), Optional.empty(), rule, answer);
  }

  public Outcome after(Duration delay) {
    return new Outcome(stdout, stderr, exit, delay, hang, crash, rule, answer);
  }
}
