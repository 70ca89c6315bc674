package dev.pullproof.harness.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * containerd's {@code --log-level} for a run: info is what nodes run by default; debug adds each
 * registry request, its response and the token fetches.
 */
public enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR;

  /** As containerd spells it: {@code debug}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<LogLevel> of(String label) {
    return Arrays.stream(values()).filter(l -> l.label().equals(label)).findFirst();
  }

  /** {@code trace, debug, info, warn, error}. */
  public static String labels() {
    return Arrays.stream(values()).map(LogLevel::label).collect(Collectors.joining(", "));
  }
}
