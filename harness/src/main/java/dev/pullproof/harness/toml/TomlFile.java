package dev.pullproof.harness.toml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * One TOML file, parsed once. {@link #root()} is empty when the file could not be read or does not
 * parse; {@link #problems()} then says why, with lines. Never throws for a bad or missing file.
 */
public final class TomlFile {
  private final Path path;
  private final TomlTable root;
  private final List<Problem> problems;

  private TomlFile(Path path, TomlTable root, List<Problem> problems) {
    this.path = path;
    this.root = root;
    this.problems = List.copyOf(problems);
  }

  /** Reads and parses {@code path}. */
  public static TomlFile read(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return new TomlFile(
          path, null, List.of(new Problem(path, 0, "", "cannot be read: " + why(e))));
    }
    return parse(path, text);
  }

  /** Parses {@code text} as the content of {@code path}. */
  public static TomlFile parse(Path path, String text) {
    TomlParseResult result = Toml.parse(text);
    if (result.hasErrors()) {
      List<Problem> problems =
          result.errors().stream()
              .map(e -> new Problem(path, line(e), "", "TOML syntax: " + e.getMessage()))
              .toList();
      return new TomlFile(path, null, problems);
    }
    return new TomlFile(path, result, List.of());
  }

  /** {@code NoSuchFileException: /etc/x.toml}: the kind of failure says more than the path. */
  private static String why(Exception e) {
    String kind = e.getClass().getSimpleName();
    return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
  }

  private static int line(TomlParseError error) {
    TomlPosition p = error.position();
    return p == null ? 0 : p.line();
  }

  public Path path() {
    return path;
  }

  public Optional<TomlTable> root() {
    return Optional.ofNullable(root);
  }

  public List<Problem> problems() {
    return problems;
  }
}
