package dev.pullproof.registry.fault;

import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault rules of one registry, changeable while it serves. Rules are tried in the order they
 * were added; the first that fires on a request applies its fault, later rules do not see that
 * request. Time windows count from this object's creation (the registry's start) on the injected
 * clock. Thread-safe.
 *
 * <p>As a {@link HandlerWrapper} it is the fault step of the registry's handler chain: behind route
 * parsing, in front of authentication.
 */
public final class Faults implements AutoCloseable, HandlerWrapper {
  private final CopyOnWriteArrayList<ActiveRule> rules = new CopyOnWriteArrayList<>();
  private final AtomicLong names = new AtomicLong();
  private final Clock clock;
  private final Instant start;
  private final CountDownLatch closed = new CountDownLatch(1);

  public Faults(Clock clock) {
    this.clock = clock;
    this.start = clock.instant();
  }

  /** Installs a rule after the existing ones; the handle removes it. */
  public Handle add(FaultRule rule) {
    long n = names.incrementAndGet();
    ActiveRule active = new ActiveRule(rule, rule.name() == null ? "rule-" + n : rule.name());
    rules.add(active);
    return new Handle(active);
  }

  /** Removes every rule. */
  public void clear() {
    rules.clear();
  }

  /** The installed rules, in evaluation order. */
  public List<FaultRule> rules() {
    return rules.stream().map(ActiveRule::rule).toList();
  }

  /** The fault step in front of {@code next}, which runs unless a fault answered the request. */
  @Override
  public HttpHandler wrap(HttpHandler next) {
    return new FaultHandler(this, next);
  }

  /** Wakes every delayed or stalled response (stalls without end then close their connection). */
  @Override
  public void close() {
    closed.countDown();
  }

  List<ActiveRule> active() {
    return rules;
  }

  Duration sinceStart() {
    return Duration.between(start, clock.instant());
  }

  /**
   * Sleeps for {@code duration} (null: until closed).
   *
   * @return false when woken because the registry closed
   */
  boolean sleep(Duration duration) {
    try {
      if (duration == null) {
        closed.await();
        return false;
      }
      return !closed.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** An installed rule: remove it, or ask how often it fired. */
  public final class Handle implements AutoCloseable {
    private final ActiveRule rule;

    private Handle(ActiveRule rule) {
      this.rule = rule;
    }

    public String name() {
      return rule.name();
    }

    /** How many requests this rule has faulted so far. */
    public long fired() {
      return rule.fired();
    }

    public void remove() {
      rules.remove(rule);
    }

    /** Same as {@link #remove()}, for try-with-resources. */
    @Override
    public void close() {
      remove();
    }
  }
}
