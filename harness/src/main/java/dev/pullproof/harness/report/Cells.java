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
   * The verdict as one ASCII mark, so a matrix reads without colour: {@code +} the expectation
   * held, {@code !} it did not (FAIL), {@code ?} the run did not complete (ERROR), {@code .}
   * nothing was expected (OBSERVED).
   */
  static char mark(RunResult r) {
    return switch (r.verdict().status()) {
      case PASS -> '+';
      case FAIL -> '!';
      case ERROR -> '?';
      case OBSERVED -> '.';
    };
  }

  /** What the node did as a symbol: ✔ pulled, ✘ failed, ◐ some pulls failed, ∅ did not run. */
  static String symbol(RunResult r) {
    return switch (did(r)) {
      case PULLED -> "✔";
      case FAILED -> "✘";
      case PARTLY -> "◐";
      case NOT_RUN -> "∅";
    };
  }

  /** What each mark of {@link #mark} means, for the legend under a matrix. */
  static final String MARKS =
      "+ expectation held (PASS), ! it did not (FAIL), ? run did not complete (ERROR),"
          + " . nothing expected (OBSERVED)";

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
    for (dev.pullproof.harness.run.Observation o : r.outcome().observations()) {
      if (!o.success()) {
        parts.add(o.step() + ": " + o.output().strip().lines().findFirst().orElse("failed"));
      }
    }
    return parts.isEmpty() ? "no pulls" : String.join("\n", parts);
  }

  /** What the node did, in short: pulled or not, and why not. */
  enum Did {
    PULLED,
    PARTLY,
    FAILED,
    NOT_RUN;

    String words() {
      return switch (this) {
        case PULLED -> "pulled";
        case PARTLY -> "pulled some";
        case FAILED -> "failed";
        case NOT_RUN -> "did not run";
      };
    }
  }

  static Did did(RunResult r) {
    List<PullAttempt> pulls = r.outcome().pulls();
    long ok = pulls.stream().filter(PullAttempt::success).count();
    if (r.outcome().harnessError().isPresent() || pulls.isEmpty()) {
      return Did.NOT_RUN;
    }
    return ok == pulls.size() ? Did.PULLED : ok == 0 ? Did.FAILED : Did.PARTLY;
  }

  /**
   * The short form of {@link #happened}: {@code pulled}, {@code 401 no credentials}, {@code pulled
   * 2/3; HTTP 503}, {@code did not run}. The cause of the most frequent error comes first.
   */
  static String brief(RunResult r) {
    Did did = did(r);
    if (did == Did.NOT_RUN
        && r.outcome().harnessError().isEmpty()
        && !r.outcome().observations().isEmpty()) {
      return observed(r);
    }
    if (did == Did.NOT_RUN || did == Did.PULLED) {
      return did.words();
    }
    String causes = String.join(", ", causes(r));
    if (did == Did.FAILED) {
      return causes;
    }
    long ok = r.outcome().pulls().stream().filter(PullAttempt::success).count();
    return "pulled " + ok + "/" + r.outcome().pulls().size() + "; " + causes;
  }

  /** An observe-only run: each step ok, or the cause class of its answer. */
  private static String observed(RunResult r) {
    List<String> words = new ArrayList<>();
    for (dev.pullproof.harness.run.Observation o : r.outcome().observations()) {
      String word = o.success() ? "ok" : Cause.of(o.output());
      if (!words.contains(word)) {
        words.add(word);
      }
    }
    return "observed: " + String.join(", ", words);
  }

  /**
   * The distinct cause classes of the failed pulls, most frequent first; what a version did,
   * compared across versions without the counts that vary between runs.
   */
  static List<String> causes(RunResult r) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    r.outcome().pulls().stream()
        .filter(a -> !a.success())
        .forEach(a -> counts.merge(Cause.of(a.error()), 1, Integer::sum));
    List<String> causes = new ArrayList<>(counts.keySet());
    causes.sort(java.util.Comparator.comparing(c -> -counts.get(c)));
    return causes;
  }

  /** What a version did, for comparing versions: how it ended and the set of causes. */
  static String behaviour(RunResult r) {
    Did did = did(r);
    List<String> causes = new ArrayList<>(causes(r));
    java.util.Collections.sort(causes);
    return did == Did.PARTLY || did == Did.FAILED ? did.words() + ": " + causes : did.words();
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
