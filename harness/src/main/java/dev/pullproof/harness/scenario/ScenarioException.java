package dev.pullproof.harness.scenario;

import dev.pullproof.harness.toml.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** A scenario file that cannot be used, with every problem found in it (not only the first). */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ScenarioException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a scenario exception needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
