package dev.pullproof.harness.validate;

import dev.pullproof.harness.toml.Problem;
import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.version.VersionFamily;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One thing a static check found in the node's files: a located {@link Problem} (file, line, key,
 * message, severity) plus what validate adds to it, the rule that found it, the versions it applies
 * to and the fix.
 *
 * @param rule a short stable id, e.g. {@code hosts-unknown-key}
 * @param problem where it is (the file or host directory, 1-based line or 0 when unknown, the
 *     dotted TOML key or empty), how bad, and what is wrong and what containerd does about it
 * @param versions the target families it applies to, never empty
 * @param fix what to change
 */
public record Finding(String rule, Problem problem, List<VersionFamily> versions, String fix) {
  public Finding {
    if (rule == null || rule.isBlank()) {
      throw new IllegalArgumentException("rule: must be a non-blank id");
    }
    Objects.requireNonNull(problem, "problem");
    if (versions == null || versions.isEmpty()) {
      throw new IllegalArgumentException("versions: must name at least one family");
    }
    versions = versions.stream().sorted().distinct().toList();
    fix = fix == null ? "" : fix;
  }

  /** A finding at {@code file:line}, {@code key}; the arguments are checked by name. */
  public Finding(
      String rule,
      Severity severity,
      Path file,
      int line,
      String key,
      List<VersionFamily> versions,
      String message,
      String fix) {
    this(rule, located(severity, file, line, key, message), versions, fix);
  }

  private static Problem located(
      Severity severity, Path file, int line, String key, String message) {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(file, "file");
    if (line < 0) {
      throw new IllegalArgumentException("line: must be 0 (unknown) or more, got " + line);
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("message: must say what is wrong");
    }
    return new Problem(file, line, key, message, severity);
  }

  public Severity severity() {
    return problem.severity();
  }

  public Path file() {
    return problem.file();
  }

  public int line() {
    return problem.line();
  }

  public String key() {
    return problem.key();
  }

  public String message() {
    return problem.message();
  }

  /** The same finding with its message and fix passed through {@code scrub}. */
  Finding withText(UnaryOperator<String> scrub) {
    return new Finding(
        rule,
        severity(),
        file(),
        line(),
        key(),
        versions,
        scrub.apply(message()),
        scrub.apply(fix));
  }
}
