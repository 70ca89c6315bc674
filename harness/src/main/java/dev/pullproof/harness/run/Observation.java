package dev.pullproof.harness.run;

import java.time.Duration;
import java.util.Objects;

/**
 * What one {@code [[observe]]} step answered on the node.
 *
 * @param index the step's position among the scenario's {@code [[observe]]}, from 0
 * @param step how it reads, e.g. {@code ctr plugins ls}
 * @param success ctr exited 0, or the CRI call succeeded
 * @param output ctr's stdout then stderr verbatim; for a CRI call the answer or its error
 */
public record Observation(int index, String step, boolean success, String output, Duration took) {
  public Observation {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0");
    }
    Objects.requireNonNull(step, "step");
    output = output == null ? "" : output;
    Objects.requireNonNull(took, "took");
  }
}
