package dev.pullproof.harness.report;

import dev.pullproof.harness.run.PullAttempt;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.scenario.ScenarioDoc;
import java.util.List;

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
   * True when every pull (or the one pull or observation step the claim names) succeeded and the
   * claim holds on success, or it failed and the claim holds on failure. A run that did not
   * complete (or never reached that step) judges nothing. A claim about a request holds where a
   * matching request was received ({@code requested}) or none was ({@code not_requested}).
   */
  static ClaimVerdict of(ScenarioDoc.Claim claim, RunResult r) {
    if (r.outcome().harnessError().isPresent()) {
      return NOT_RUN;
    }
    java.util.Optional<Boolean> ended;
    if (claim.request().isPresent()) {
      ended = java.util.Optional.of(r.outcome().received(claim.request().get()));
    } else if (claim.step().isEmpty()) {
      ended =
          r.outcome().pulls().isEmpty()
              ? java.util.Optional.empty()
              : java.util.Optional.of(r.outcome().pulls().stream().allMatch(PullAttempt::success));
    } else if (claim.step().get().observe()) {
      int i = claim.step().get().index();
      ended =
          r.outcome().observations().stream()
              .filter(o -> o.index() == i)
              .findFirst()
              .map(o -> o.success());
    } else {
      int i = claim.step().get().index();
      List<PullAttempt> of = r.outcome().pulls().stream().filter(p -> p.pull() == i).toList();
      ended =
          of.isEmpty()
              ? java.util.Optional.empty()
              : java.util.Optional.of(of.stream().allMatch(PullAttempt::success));
    }
    return ended.map(ok -> ok == claim.holdsIfSuccess() ? TRUE : FALSE).orElse(NOT_RUN);
  }
}
