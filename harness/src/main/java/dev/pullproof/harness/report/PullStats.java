package dev.pullproof.harness.report;

import dev.pullproof.harness.run.PullAttempt;
import java.time.Duration;
import java.util.List;

/**
 * How a run's pulls went as a distribution: how many succeeded out of how many, and the pull times'
 * minimum, median, 90th percentile and maximum (nearest rank, over every pull, failed ones too: a
 * flaky pull that fails fast pulls the median down, and that is worth seeing).
 */
record PullStats(
    int attempts, int successes, Duration min, Duration median, Duration p90, Duration max) {

  PullStats {
    if (attempts < 1 || successes < 0 || successes > attempts) {
      throw new IllegalArgumentException(
          "need 0 <= successes <= attempts and attempts >= 1, got "
              + successes
              + " of "
              + attempts);
    }
  }

  /** The distribution of some pulls; there must be at least one. */
  static PullStats of(List<PullAttempt> pulls) {
    if (pulls.isEmpty()) {
      throw new IllegalArgumentException("no pulls to describe");
    }
    List<Duration> sorted = pulls.stream().map(PullAttempt::duration).sorted().toList();
    return new PullStats(
        pulls.size(),
        (int) pulls.stream().filter(PullAttempt::success).count(),
        sorted.get(0),
        percentile(sorted, 50),
        percentile(sorted, 90),
        sorted.get(sorted.size() - 1));
  }

  /** Nearest-rank percentile of sorted values: the smallest value with p% of all at or below it. */
  static <T> T percentile(List<T> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** {@code 12/20}. */
  String pulled() {
    return successes + "/" + attempts;
  }

  /** {@code min 80 ms, median 120 ms, p90 300 ms, max 900 ms}. */
  String times() {
    return "min " + ms(min) + ", median " + ms(median) + ", p90 " + ms(p90) + ", max " + ms(max);
  }

  static String ms(Duration d) {
    return d.toMillis() + " ms";
  }
}
