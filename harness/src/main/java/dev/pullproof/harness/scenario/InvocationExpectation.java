package dev.pullproof.harness.scenario;

import java.util.List;
import java.util.Objects;

/**
 * How often a program placed on the node ran (with certain arguments).
 *
 * @param program the executable's name ({@code [node.executables]})
 * @param argsContain only calls whose arguments include every one of these words count
 */
public record InvocationExpectation(String program, Bounds times, List<String> argsContain) {
  public InvocationExpectation {
    if (program == null || program.isBlank()) {
      throw new IllegalArgumentException("program is required");
    }
    Objects.requireNonNull(times, "times");
    argsContain = List.copyOf(argsContain);
  }
}
