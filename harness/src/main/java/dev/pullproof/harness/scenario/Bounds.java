package dev.pullproof.harness.scenario;

/** An inclusive range of counts; {@code max} is {@link Long#MAX_VALUE} when open. */
public record Bounds(long min, long max) {
  public Bounds {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("bounds need 0 <= min <= max, got " + min + ".." + max);
    }
  }

  public static Bounds exactly(long n) {
    return new Bounds(n, n);
  }

  public static Bounds atLeast(long n) {
    return new Bounds(n, Long.MAX_VALUE);
  }

  public boolean contains(long n) {
    return n >= min && n <= max;
  }

  @Override
  public String toString() {
    if (min == max) {
      return "exactly " + min;
    }
    return max == Long.MAX_VALUE ? "at least " + min : min + " to " + max;
  }
}
