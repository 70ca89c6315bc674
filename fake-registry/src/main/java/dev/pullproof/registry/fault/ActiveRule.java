package dev.pullproof.registry.fault;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** An installed rule and its counters; one lock per rule keeps counts exact under concurrency. */
final class ActiveRule {
  private final FaultRule rule;
  private final String name;
  private final SplittableRandom random;
  private long matched;
  private long fired;

  /** Per-request-identity counts, for {@link Occurrence.ChancePerRequest}. */
  private final Map<String, Long> seen = new HashMap<>();

  ActiveRule(FaultRule rule, String name) {
    this.rule = rule;
    this.name = name;
    this.random =
        new SplittableRandom(
            rule.occurrence() instanceof Occurrence.Chance chance ? chance.seed() : 0);
  }

  FaultRule rule() {
    return rule;
  }

  String name() {
    return name;
  }

  synchronized long fired() {
    return fired;
  }

  /** Counts the request if it matches and is in a window; returns the fault it fires, or null. */
  Fired decide(RequestFacts request, Duration sinceStart) {
    if (!rule.match().matches(request) || !rule.activeAt(sinceStart)) {
      return null;
    }
    Fault fault;
    synchronized (this) {
      matched++;
      boolean fires;
      if (rule.occurrence() instanceof Occurrence.ChancePerRequest perRequest) {
        String identity =
            request.method()
                + " "
                + request.kind()
                + " "
                + request.repository()
                + " "
                + request.reference();
        fires = perRequest.firesFor(identity, seen.merge(identity, 1L, Long::sum));
      } else {
        fires = rule.occurrence().fires(matched, random);
      }
      if (!fires) {
        return null;
      }
      fault = rule.faults().get((int) (fired++ % rule.faults().size()));
    }
    String seed =
        rule.occurrence() instanceof Occurrence.Chance
                || rule.occurrence() instanceof Occurrence.ChancePerRequest
            ? " [" + rule.occurrence() + "]"
            : "";
    return new Fired(fault, name + ": " + fault.describe() + seed);
  }

  /** A fault that fired, with the text the journal records. */
  record Fired(Fault fault, String description) {}
}
