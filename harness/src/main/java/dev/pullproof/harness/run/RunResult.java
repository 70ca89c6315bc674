package dev.pullproof.harness.run;

import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.Objects;

/** A finished (scenario, version) run: what happened and the verdict on it. */
public record RunResult(
    Scenario scenario, ContainerdVersion family, Outcome outcome, Verdict verdict) {
  public RunResult {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(verdict, "verdict");
  }
}
