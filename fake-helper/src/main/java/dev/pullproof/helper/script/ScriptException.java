package dev.pullproof.helper.script;

import java.nio.file.Path;

/** A script that cannot be used: names the file and the key (e.g. {@code rules[2].answer.exit}). */
public final class ScriptException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;
  private final String key;

  public ScriptException(Path file, String key, String message) {
    super("bad script " + file + (key.isEmpty() ? "" : ": " + key) + ": " + message);
    this.file = file;
    this.key = key;
  }

  public Path file() {
    return file;
  }

  public String key() {
    return key;
  }
}
