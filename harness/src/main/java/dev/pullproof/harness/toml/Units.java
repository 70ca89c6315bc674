package dev.pullproof.harness.toml;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the human units scenario files use: sizes ({@code 4MiB}) and durations ({@code 30s}). */
public final class Units {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(B|KB|KiB|MB|MiB|GB|GiB)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)", Pattern.CASE_INSENSITIVE);

  private Units() {}

  /** {@code 1024}, {@code 4KiB}, {@code 2MB}, {@code 1GiB}: bytes. */
  public static long size(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "size '"
              + text
              + "' must be a number with an optional unit B, KB, KiB, MB, MiB, GB, GiB");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    long factor =
        switch (unit) {
          case "KB" -> 1000L;
          case "KIB" -> 1L << 10;
          case "MB" -> 1000_000L;
          case "MIB" -> 1L << 20;
          case "GB" -> 1000_000_000L;
          case "GIB" -> 1L << 30;
          default -> 1L;
        };
    return Math.multiplyExact(n, factor);
  }

  /** {@code 500ms}, {@code 30s}, {@code 1.5s}, {@code 2m}, {@code 1h}. */
  public static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "duration '" + text + "' must be a number with a unit ms, s, m or h (e.g. 30s)");
    }
    double n = Double.parseDouble(m.group(1));
    double millis =
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "ms" -> n;
          case "s" -> n * 1000;
          case "m" -> n * 60_000;
          default -> n * 3_600_000;
        };
    return Duration.ofMillis(Math.round(millis));
  }
}
