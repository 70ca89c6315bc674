package dev.pullproof.harness.report;

import dev.pullproof.harness.run.Failure;
import dev.pullproof.harness.run.PullAttempt;
import dev.pullproof.harness.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The words every report uses for a result: status, what the pulls did, pull times. */
final class Cells {
  private Cells() {}

  static String status(RunResult r) {
    return r.verdict().status().name();
  }

  /**
   * What the pulls did, in containerd's own words: "pulled" or each distinct error verbatim (with
   * how many attempts gave it), or why the run did not complete.
   */
  static String happened(RunResult r) {
    if (r.outcome().harnessError().isPresent()) {
      return "run did not complete: " + r.outcome().harnessError().get();
    }
    Map<String, Integer> errors = new LinkedHashMap<>();
    int ok = 0;
    for (PullAttempt a : r.outcome().pulls()) {
      if (a.success()) {
        ok++;
      } else {
        errors.merge(a.error(), 1, Integer::sum);
      }
    }
    int total = r.outcome().pulls().size();
    List<String> parts = new ArrayList<>();
    if (ok > 0) {
      parts.add(total == 1 ? "pulled" : "pulled " + ok + " of " + total);
    }
    errors.forEach((error, n) -> parts.add(total == 1 ? error : n + " of " + total + ": " + error));
    return parts.isEmpty() ? "no pulls" : String.join("\n", parts);
  }

  /** The version string containerd reported, or the family when none started. */
  static String version(RunResult r) {
    String exact = r.outcome().containerdVersion();
    return exact.isEmpty() ? r.family().label() : exact;
  }

  static List<String> failureMessages(RunResult r) {
    return r.verdict().failures().stream().map(Failure::message).toList();
  }

  /** {@code 12 pulls: min 80 ms, median 120 ms, p90 300 ms, max 900 ms}; empty for one pull. */
  static String pullTimes(List<PullAttempt> pulls) {
    return pulls.size() < 2 ? "" : pulls.size() + " pulls: " + PullStats.of(pulls).times();
  }

  static String seconds(java.time.Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
