package dev.pullproof.harness.explain;

import dev.pullproof.harness.explain.InputLine.LogEntry;
import dev.pullproof.harness.explain.InputLine.PullError;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one line says, in {@link Normal} shape: a client's pull error, or a log entry's level,
 * message and error. Two lines that say the same thing on different nodes have the same key.
 */
record Statement(Kind kind, String level, String key, Set<String> tokens) {
  /** A pull's error (what the kubelet, crictl or ctr show) or a line of containerd's log. */
  enum Kind {
    ERROR,
    LOG
  }

  Statement {
    tokens = Set.copyOf(tokens);
  }

  static Statement of(Kind kind, String level, String key) {
    Set<String> tokens =
        Arrays.stream(key.toLowerCase(Locale.ROOT).split("[^a-z0-9<>_.-]+"))
            .filter(t -> t.length() > 1 || t.matches("[0-9]"))
            .collect(Collectors.toCollection(TreeSet::new));
    return new Statement(kind, level, key, tokens);
  }

  /** The statement a line makes; empty for lines that say nothing about a pull (pod events). */
  static Optional<Statement> of(InputLine line) {
    if (line instanceof PullError e) {
      return Optional.of(of(Kind.ERROR, "error", Normal.of(e.text())));
    }
    if (line instanceof LogEntry e) {
      String error = e.field("error");
      if (error.isEmpty()) {
        error = e.field("err");
      }
      String key = Normal.of(e.msg()) + (error.isEmpty() ? "" : " | error=" + Normal.of(error));
      return Optional.of(of(Kind.LOG, e.level(), e.level() + " " + key));
    }
    return Optional.empty();
  }

  /** Jaccard similarity of the two token sets; a log line against an error counts less. */
  double similarity(Statement other) {
    if (key.equals(other.key)) {
      return 1;
    }
    int common = 0;
    for (String t : tokens) {
      if (other.tokens.contains(t)) {
        common++;
      }
    }
    int union = tokens.size() + other.tokens.size() - common;
    double j = union == 0 ? 0 : (double) common / union;
    return kind == other.kind ? j : 0.8 * j;
  }

  /** How much this statement counts as evidence: errors most, then warnings, then info. */
  double weight() {
    if (kind == Kind.ERROR) {
      return 3;
    }
    return switch (level) {
      case "error", "fatal", "warning" -> 2;
      case "debug", "trace" -> 0.5;
      default -> 1;
    };
  }
}
