package dev.pullproof.harness.report;

import dev.pullproof.harness.run.PullAttempt;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.scenario.ScenarioDoc;

/** A published claim judged on one run: what the pulls did against what the claim predicts. */
enum ClaimVerdict {
  TRUE("true"),
  FALSE("false"),
  NOT_RUN("not run");

  private final String word;

  ClaimVerdict(String word) {
    this.word = word;
  }

  String word() {
    return word;
  }

  /**
   * True when every pull succeeded and the claim holds on success, or some pull failed and it holds
   * on failure. A run that did not complete (or made no pull) judges nothing.
   */
  static ClaimVerdict of(ScenarioDoc.Claim claim, RunResult r) {
    if (r.outcome().harnessError().isPresent() || r.outcome().pulls().isEmpty()) {
      return NOT_RUN;
    }
    boolean allPulled = r.outcome().pulls().stream().allMatch(PullAttempt::success);
    return allPulled == claim.holdsIfSuccess() ? TRUE : FALSE;
  }
}
