package dev.pullproof.registry.fault;

import java.util.SplittableRandom;

/**
 * Which of the requests a rule matches it fires on, counting matches from 1 in the order the
 * registry sees them. A seeded {@link Chance} draws from its own random sequence, so the same
 * requests in the same order fire the same way every run.
 */
public sealed interface Occurrence {
  /** Whether the {@code n}-th matching request (from 1) fires; {@code random} is the rule's own. */
  boolean fires(long n, SplittableRandom random);

  static Occurrence always() {
    return new Always();
  }

  /** The first {@code n} matches: "fail twice, then succeed" is {@code first(2)}. */
  static Occurrence first(long n) {
    return new First(n);
  }

  /** Every match after the first {@code n}. */
  static Occurrence after(long n) {
    return new After(n);
  }

  /** Matches k, 2k, 3k... */
  static Occurrence everyKth(long k) {
    return new EveryKth(k);
  }

  static Occurrence chance(double probability, long seed) {
    return new Chance(probability, seed);
  }

  /**
   * Each request fires with {@code probability}, decided by the request itself (method, route,
   * repository, reference, and how many times that same request came before) and the seed, not by
   * its arrival position: a client that fetches in parallel, in a different order each run, still
   * meets the same decision for each request.
   */
  static Occurrence chancePerRequest(double probability, long seed) {
    return new ChancePerRequest(probability, seed);
  }

  record Always() implements Occurrence {
    public boolean fires(long n, SplittableRandom random) {
      return true;
    }

    @Override
    public String toString() {
      return "always";
    }
  }

  record First(long count) implements Occurrence {
    public First {
      Checks.notNegative(count, "first count");
    }

    public boolean fires(long n, SplittableRandom random) {
      return n <= count;
    }

    @Override
    public String toString() {
      return "first " + count;
    }
  }

  record After(long count) implements Occurrence {
    public After {
      Checks.notNegative(count, "after count");
    }

    public boolean fires(long n, SplittableRandom random) {
      return n > count;
    }

    @Override
    public String toString() {
      return "after " + count;
    }
  }

  record EveryKth(long k) implements Occurrence {
    public EveryKth {
      Checks.atLeastOne(k, "every k");
    }

    public boolean fires(long n, SplittableRandom random) {
      return n % k == 0;
    }

    @Override
    public String toString() {
      return "every " + k + "th";
    }
  }

  /** Each match fires with {@code probability}, drawn from a sequence seeded with {@code seed}. */
  record Chance(double probability, long seed) implements Occurrence {
    public Chance {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("probability must be 0 to 1, got " + probability);
      }
    }

    public boolean fires(long n, SplittableRandom random) {
      return random.nextDouble() < probability;
    }

    @Override
    public String toString() {
      return "p=" + probability + " seed=" + seed;
    }
  }

  /**
   * {@link #chancePerRequest}: the rule counts occurrences per request identity and asks {@link
   * #firesFor}; the arrival count is not used.
   */
  record ChancePerRequest(double probability, long seed) implements Occurrence {
    public ChancePerRequest {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("probability must be 0 to 1, got " + probability);
      }
    }

    public boolean fires(long n, SplittableRandom random) {
      throw new IllegalStateException("a per-request chance is decided by firesFor");
    }

    /** Whether the {@code occurrence}-th (from 1) arrival of the request {@code identity} fires. */
    public boolean firesFor(String identity, long occurrence) {
      long h = seed;
      for (int i = 0; i < identity.length(); i++) {
        h = h * 31 + identity.charAt(i);
      }
      // SplittableRandom mixes its seed: neighbouring keys give unrelated draws.
      return new SplittableRandom(h * 0x9E3779B97F4A7C15L + occurrence).nextDouble() < probability;
    }

    @Override
    public String toString() {
      return "p=" + probability + " seed=" + seed + " per request";
    }
  }
}
