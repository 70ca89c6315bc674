package dev.pullproof.harness.cli;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.Verdict;
import java.util.List;

/**
 * The CLI's exit codes. 0: every run passed (or only observed); 1: some expectation did not hold;
 * 2: bad usage or an invalid scenario file; 3: some run could not complete (containerd did not
 * start, a timeout, no containerd available in this build), which wins over 1.
 */
public final class ExitCode {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int INCOMPLETE = 3;

  private ExitCode() {}

  public static int of(List<RunResult> results) {
    if (results.stream().anyMatch(r -> r.verdict().status() == Verdict.Status.ERROR)) {
      return INCOMPLETE;
    }
    return results.stream().allMatch(r -> r.verdict().ok()) ? OK : FAILED;
  }
}
