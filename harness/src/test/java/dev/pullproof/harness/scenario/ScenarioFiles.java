package dev.pullproof.harness.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes scenario text to a file in a test's temporary directory, and parses it. */
public final class ScenarioFiles {
  private ScenarioFiles() {}

  /** The scenario {@code toml} describes, read from {@code dir/s.toml}. */
  public static Scenario parse(Path dir, String toml) {
    return new ScenarioParser().parse(write(dir, "s.toml", toml));
  }

  static Path write(Path dir, String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
