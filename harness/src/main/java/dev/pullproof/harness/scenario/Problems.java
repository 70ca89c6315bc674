package dev.pullproof.harness.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one file so the parser can report all of them at once. */
final class Problems {
  private final Path file;
  private final List<Problem> found = new ArrayList<>();

  Problems(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  void add(int line, String key, String message) {
    found.add(new Problem(file, line, key, message));
  }

  int size() {
    return found.size();
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** Throws a {@link ScenarioException} listing every problem, if there is any. */
  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ScenarioException(found);
    }
  }
}
