package dev.pullproof.harness.toml;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong at a place in a file, located by file, line and dotted key: a scenario or world
 * file that cannot be used, or what a validate rule found in a node's file.
 *
 * @param line 1-based, or 0 when the problem has no line (e.g. an unreadable file)
 * @param key the dotted key path, e.g. {@code registries.hub.auth.type}; empty for the whole file
 */
public record Problem(Path file, int line, String key, String message, Severity severity) {
  public Problem {
    if (file == null || message == null || message.isBlank()) {
      throw new IllegalArgumentException("problem needs a file and a message");
    }
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 or more, was " + line);
    }
    key = key == null ? "" : key;
    Objects.requireNonNull(severity, "severity");
  }

  /** An error: what a file that cannot be used has. */
  public Problem(Path file, int line, String key, String message) {
    this(file, line, key, message, Severity.ERROR);
  }

  /** {@code scenarios/a.toml:12: registries.hub.auth: unknown key 'tpye'; did you mean 'type'?} */
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + message;
  }
}
