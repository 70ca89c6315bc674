package dev.pullproof.harness.report;

import dev.pullproof.harness.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A scenario's catalogue section when its {@code [doc]} names none: the first heading of the
 * README.md beside it, else its directory's name.
 */
final class TopicTitles {
  private TopicTitles() {}

  static String of(Scenario s) {
    Path dir = s.file().toAbsolutePath().getParent();
    return heading(dir.resolve("README.md")).orElse(dir.getFileName().toString());
  }

  private static Optional<String> heading(Path readme) {
    if (!Files.isRegularFile(readme)) {
      return Optional.empty();
    }
    try (var lines = Files.lines(readme)) {
      return lines.filter(l -> l.startsWith("# ")).map(l -> l.substring(2).strip()).findFirst();
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }
}
