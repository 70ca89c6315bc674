package dev.pullproof.harness.validate.model;

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
 * One TOML file of the node, parsed once. {@link #root()} is empty when the file could not be read
 * or does not parse; {@link #problems()} then says why, with lines.
 */
public final class TomlDoc {
  /** A reason the file has no usable content: line 0 when it could not be read at all. */
  public record Problem(int line, String message) {}

  private final Path path;
  private final TomlTable root;
  private final List<Problem> problems;

  private TomlDoc(Path path, TomlTable root, List<Problem> problems) {
    this.path = path;
    this.root = root;
    this.problems = List.copyOf(problems);
  }

  /** Reads and parses {@code path}; never throws for a bad or missing file. */
  public static TomlDoc read(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return new TomlDoc(path, null, List.of(new Problem(0, "cannot be read: " + e)));
    }
    return parse(path, text);
  }

  public static TomlDoc parse(Path path, String text) {
    TomlParseResult result = Toml.parse(text);
    if (result.hasErrors()) {
      List<Problem> problems =
          result.errors().stream().map(e -> new Problem(line(e), e.getMessage())).toList();
      return new TomlDoc(path, null, problems);
    }
    return new TomlDoc(path, result, List.of());
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
