package dev.pullproof.harness.scenario;

/** A range for the fraction of repeated pulls that succeed, both ends inclusive. */
public record RateBounds(double min, double max) {
  public RateBounds {
    if (!(0 <= min && min <= max && max <= 1)) {
      throw new IllegalArgumentException(
          "success_rate needs 0 <= min <= max <= 1, got " + min + ".." + max);
    }
  }

  public boolean contains(double rate) {
    return rate >= min && rate <= max;
  }
}
