package dev.pullproof.registry.fault;

import java.time.Duration;

/**
 * A span of time relative to the registry's start, {@code from} inclusive and {@code to} exclusive:
 * "down from 2 s to 5 s" is {@code TimeWindow.of(ofSeconds(2), ofSeconds(5))}. A null {@code to}
 * never ends.
 */
public record TimeWindow(Duration from, Duration to) {
  public TimeWindow {
    if (from == null || from.isNegative()) {
      throw new IllegalArgumentException("window from must be zero or positive, got " + from);
    }
    if (to != null && to.compareTo(from) <= 0) {
      throw new IllegalArgumentException(
          "window to (" + to + ") must be later than window from (" + from + ")");
    }
  }

  public static TimeWindow of(Duration from, Duration to) {
    return new TimeWindow(from, to);
  }

  public static TimeWindow from(Duration from) {
    return new TimeWindow(from, null);
  }

  public boolean contains(Duration sinceStart) {
    return sinceStart.compareTo(from) >= 0 && (to == null || sinceStart.compareTo(to) < 0);
  }

  /** Whether the two windows share any instant. */
  public boolean overlaps(TimeWindow other) {
    boolean thisEndsFirst = to != null && to.compareTo(other.from) <= 0;
    boolean otherEndsFirst = other.to != null && other.to.compareTo(from) <= 0;
    return !thisEndsFirst && !otherEndsFirst;
  }

  @Override
  public String toString() {
    return from.toMillis() + "ms.." + (to == null ? "" : to.toMillis() + "ms");
  }
}
