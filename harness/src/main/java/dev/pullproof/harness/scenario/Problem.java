package dev.pullproof.harness.scenario;

import java.nio.file.Path;

/**
 * One thing wrong with a scenario file, located by file, line and dotted key.
 *
 * @param line 1-based, or 0 when the problem has no line (e.g. an unreadable file)
 * @param key the dotted key path, e.g. {@code registries.hub.auth.type}; empty for the whole file
 */
public record Problem(Path file, int line, String key, String message) {
  public Problem {
    if (file == null || message == null || message.isBlank()) {
      throw new IllegalArgumentException("problem needs a file and a message");
    }
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 or more, was " + line);
    }
    key = key == null ? "" : key;
  }

  /** {@code scenarios/a.toml:12: registries.hub.auth: unknown key 'tpye'; did you mean 'type'?} */
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + message;
  }
}
