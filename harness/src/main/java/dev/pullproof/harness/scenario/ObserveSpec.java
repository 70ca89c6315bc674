package dev.pullproof.harness.scenario;

import java.util.Objects;

/**
 * One {@code [[observe]]} of a scenario: a step on the node, run after the pulls, and what its
 * answer should be.
 */
public record ObserveSpec(NodeStep step, ObserveExpect expect) {
  public ObserveSpec {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(expect, "expect");
  }
}
