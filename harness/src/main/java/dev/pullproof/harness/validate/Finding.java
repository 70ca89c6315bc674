package dev.pullproof.harness.validate;

import dev.pullproof.harness.toml.Problem;
import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.version.ContainerdVersion;
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
 * @param evidence what the live check saw that bears on it, per version; empty without one
 */
public record Finding(
    String rule,
    Problem problem,
    List<ContainerdVersion> versions,
    String fix,
    List<Evidence> evidence) {

  /** What one version's live run said about a finding. */
  public record Evidence(ContainerdVersion family, Kind kind, String observed) {
    public enum Kind {
      /** containerd did what the static rule said (e.g. logged the line it names). */
      CONFIRMED,
      /** containerd did otherwise: the verdict follows containerd on this version. */
      CONTRADICTED,
      /** Only the live check found it: containerd logged it, no static rule names it. */
      LIVE_ONLY
    }

    public Evidence {
      Objects.requireNonNull(family, "family");
      Objects.requireNonNull(kind, "kind");
      observed = observed == null ? "" : observed;
    }
  }

  public Finding(String rule, Problem problem, List<ContainerdVersion> versions, String fix) {
    this(rule, problem, versions, fix, List.of());
  }

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
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /** A finding at {@code file:line}, {@code key}; the arguments are checked by name. */
  public Finding(
      String rule,
      Severity severity,
      Path file,
      int line,
      String key,
      List<ContainerdVersion> versions,
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

  /** The same finding with one more piece of evidence. */
  public Finding with(Evidence e) {
    List<Evidence> more = new java.util.ArrayList<>(evidence);
    more.add(e);
    return new Finding(rule, problem, versions, fix, more);
  }

  /** Whether the live run on {@code family} contradicted it: the verdict ignores it there. */
  public boolean contradictedOn(ContainerdVersion family) {
    return evidence.stream()
        .anyMatch(e -> e.family().equals(family) && e.kind() == Evidence.Kind.CONTRADICTED);
  }

  /** The versions where it stands: those it names, less those containerd contradicted. */
  public List<ContainerdVersion> standing() {
    return versions.stream().filter(f -> !contradictedOn(f)).toList();
  }

  public boolean liveOnly() {
    return evidence.stream().anyMatch(e -> e.kind() == Evidence.Kind.LIVE_ONLY);
  }

  /** The same finding with its message and fix passed through {@code scrub}. */
  Finding withText(UnaryOperator<String> scrub) {
    return new Finding(
        rule,
        located(severity(), file(), line(), key(), scrub.apply(message())),
        versions,
        scrub.apply(fix),
        evidence);
  }
}
