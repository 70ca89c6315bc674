package dev.pullproof.harness.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

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

  /**
   * The file as TOML, or a {@link ScenarioException} naming it: unreadable, or every syntax error
   * with its line.
   */
  TomlParseResult parseToml() {
    TomlParseResult toml;
    try {
      toml = Toml.parse(file);
    } catch (IOException e) {
      add(0, "", "cannot read the file: " + e.getMessage());
      throwIfAny();
      throw new IllegalStateException("unreachable");
    }
    for (TomlParseError error : toml.errors()) {
      add(error.position().line(), "", "TOML syntax: " + error.getMessage());
    }
    throwIfAny();
    return toml;
  }
}
