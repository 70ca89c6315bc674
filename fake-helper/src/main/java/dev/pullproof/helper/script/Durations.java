package dev.pullproof.helper.script;

import java.time.Duration;

/** Durations as scripts write them: {@code 250ms}, {@code 2s}, {@code 1m}, {@code 1h}. */
final class Durations {
  private Durations() {}

  static Duration parse(String text) {
    String t = text.trim();
    int split = 0;
    while (split < t.length() && Character.isDigit(t.charAt(split))) {
      split++;
    }
    if (split == 0 || split == t.length()) {
      throw new IllegalArgumentException(
          "expected a number and a unit (ms, s, m, h) such as 250ms or 2s, got '" + text + "'");
    }
    long n = Long.parseLong(t.substring(0, split));
    switch (t.substring(split)) {
      case "ms":
        return Duration.ofMillis(n);
      case "s":
        return Duration.ofSeconds(n);
      case "m":
        return Duration.ofMinutes(n);
      case "h":
        return Duration.ofHours(n);
      default:
        throw new IllegalArgumentException(
            "unknown unit '" + t.substring(split) + "' in '" + text + "': use ms, s, m or h");
    }
  }
}
