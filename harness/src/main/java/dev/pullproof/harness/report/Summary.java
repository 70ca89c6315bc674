package dev.pullproof.harness.report;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.Verdict;
import java.util.List;

/** {@code 6 runs: 4 passed, 1 failed, 1 error, 0 observed}. */
final class Summary {
  private Summary() {}

  static String line(List<RunResult> results) {
    return results.size()
        + " run(s): "
        + count(results, Verdict.Status.PASS)
        + " passed, "
        + count(results, Verdict.Status.FAIL)
        + " failed, "
        + count(results, Verdict.Status.ERROR)
        + " did not complete, "
        + count(results, Verdict.Status.OBSERVED)
        + " observed only";
  }

  private static long count(List<RunResult> results, Verdict.Status status) {
    return results.stream().filter(r -> r.verdict().status() == status).count();
  }
}
