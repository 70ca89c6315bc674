package dev.pullproof.harness.validate;

import dev.pullproof.harness.version.VersionFamily;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One thing a static check found in the node's files.
 *
 * @param rule a short stable id, e.g. {@code hosts-unknown-key}
 * @param file the file (or host directory) it is about
 * @param line 1-based line in {@code file}, 0 when unknown
 * @param key the dotted TOML key it is about, empty when none
 * @param versions the target families it applies to, never empty
 * @param message what is wrong and what containerd does about it
 * @param fix what to change
 */
public record Finding(
    String rule,
    Severity severity,
    Path file,
    int line,
    String key,
    List<VersionFamily> versions,
    String message,
    String fix) {
  public Finding {
    if (rule == null || rule.isBlank()) {
      throw new IllegalArgumentException("rule: must be a non-blank id");
    }
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(file, "file");
    if (line < 0) {
      throw new IllegalArgumentException("line: must be 0 (unknown) or more, got " + line);
    }
    key = key == null ? "" : key;
    if (versions == null || versions.isEmpty()) {
      throw new IllegalArgumentException("versions: must name at least one family");
    }
    versions = versions.stream().sorted().distinct().toList();
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("message: must say what is wrong");
    }
    fix = fix == null ? "" : fix;
  }

  /** The same finding with its message and fix passed through {@code scrub}. */
  Finding withText(java.util.function.UnaryOperator<String> scrub) {
    return new Finding(
        rule, severity, file, line, key, versions, scrub.apply(message), scrub.apply(fix));
  }
}
