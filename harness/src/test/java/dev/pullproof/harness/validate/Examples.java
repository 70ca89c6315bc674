package dev.pullproof.harness.validate;

import dev.pullproof.harness.version.ContainerdVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The examples/ directory at the repository root, and running the static checks on one. */
final class Examples {
  private Examples() {}

  static Path root() {
    String scenarios = System.getProperty("pullproof.scenarios");
    Path base = scenarios != null ? Path.of(scenarios).getParent() : Path.of("..");
    return base.resolve("examples");
  }

  static List<String> images(Path example) {
    try {
      return Files.readAllLines(example.resolve("images.txt")).stream()
          .map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Finding> check(String name) {
    Path example = root().resolve(name);
    return new StaticChecks()
        .check(
            new NodeFiles(example.resolve("config.toml"), Optional.of(example.resolve("certs.d"))),
            images(example),
            ContainerdVersion.families());
  }
}
