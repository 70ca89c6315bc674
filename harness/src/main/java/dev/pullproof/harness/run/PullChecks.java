package dev.pullproof.harness.run;

import dev.pullproof.harness.scenario.ExpectationSet;
import dev.pullproof.harness.version.ContainerdVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks each attempt of one pull: outcome, error text for this version, duration. The same failure
 * in several repetitions is reported once, with how many repetitions it happened in.
 */
final class PullChecks {
  private final ContainerdVersion family;

  PullChecks(ContainerdVersion family) {
    this.family = family;
  }

  /**
   * @param rateExpected with a success rate expected, a success is not held against an expected
   *     error: error expectations then describe only the failed attempts
   */
  List<Failure> check(ExpectationSet expect, List<PullAttempt> attempts, boolean rateExpected) {
    Map<Failure, Integer> found = new LinkedHashMap<>();
    for (PullAttempt attempt : attempts) {
      for (Failure f : checkOne(expect, attempt, rateExpected)) {
        found.merge(f, 1, Integer::sum);
      }
    }
    List<Failure> out = new ArrayList<>();
    found.forEach(
        (f, n) ->
            out.add(
                attempts.size() == 1
                    ? f
                    : new Failure(
                        f.check(),
                        f.expected(),
                        f.actual() + " (in " + n + " of " + attempts.size() + " repetitions)",
                        f.detail())));
    return out;
  }

  private List<Failure> checkOne(ExpectationSet expect, PullAttempt a, boolean rateExpected) {
    List<Failure> failures = new ArrayList<>();
    String which = "pull " + (a.pull() + 1) + " (" + a.via().label() + " " + a.image() + ")";
    expect
        .success()
        .ifPresent(
            success -> {
              if (success != a.success()) {
                failures.add(
                    new Failure(
                        "outcome",
                        (success ? "success" : "failure") + " of " + which,
                        a.success() ? "the pull succeeded" : "the pull failed: " + a.error(),
                        ""));
              }
            });
    boolean judgeError = !a.success() || !rateExpected;
    String contains = family.entryIn(expect.errorContains()).orElse(null);
    if (contains != null && judgeError && !a.error().contains(contains)) {
      failures.add(
          new Failure(
              "error_contains",
              "the error of " + which + " to contain '" + contains + "'",
              a.success() ? "the pull succeeded" : "'" + a.error() + "'",
              ""));
    }
    Pattern matches = family.entryIn(expect.errorMatches()).orElse(null);
    if (matches != null && judgeError && !matches.matcher(a.error()).find()) {
      failures.add(
          new Failure(
              "error_matches",
              "the error of " + which + " to match /" + matches.pattern() + "/",
              a.success() ? "the pull succeeded" : "'" + a.error() + "'",
              ""));
    }
    expect
        .maxDuration()
        .filter(max -> a.duration().compareTo(max) > 0)
        .ifPresent(
            max ->
                failures.add(
                    new Failure(
                        "duration",
                        which + " within " + millis(max),
                        "it took " + millis(a.duration()),
                        "")));
    expect
        .minDuration()
        .filter(min -> a.duration().compareTo(min) < 0)
        .ifPresent(
            min ->
                failures.add(
                    new Failure(
                        "duration",
                        which + " to take at least " + millis(min),
                        "it took " + millis(a.duration()),
                        "")));
    return failures;
  }

  static String millis(Duration d) {
    return d.toMillis() + " ms";
  }
}
