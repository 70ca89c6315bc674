package dev.pullproof.registry.journal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Every request a registry answered, recorded when its exchange completed. Query it ({@link #all},
 * {@link #matching}, {@link #count}), consume it like MockWebServer ({@link #takeRequest}), or
 * assert on it ({@link #assertRequested}): a failed assertion prints the expected pattern and the
 * nearest requests that did happen.
 */
public final class Journal {
  /** How long assertions wait for requests still completing (a stalled one may never). */
  static final Duration QUIET_WAIT = Duration.ofSeconds(2);

  private final List<JournalEntry> entries = new CopyOnWriteArrayList<>();
  private final BlockingQueue<JournalEntry> untaken = new LinkedBlockingQueue<>();
  private final AtomicLong sequence = new AtomicLong();
  private final Object lock = new Object();
  private int inFlight;

  /**
   * A request arrived: returns its sequence number. Every call must be followed by one {@link
   * #record} when the exchange completes.
   */
  public long begin() {
    synchronized (lock) {
      inFlight++;
    }
    return sequence.incrementAndGet();
  }

  /** Records a completed request that {@link #begin} announced. */
  public void record(JournalEntry entry) {
    entries.add(entry);
    untaken.add(entry);
    synchronized (lock) {
      inFlight = Math.max(0, inFlight - 1);
      lock.notifyAll();
    }
  }

  /**
   * Waits until no request is in flight, at most {@code timeout}; returns whether it got there. A
   * client sees its response a moment before the exchange completes and is recorded, so assertions
   * wait here first.
   */
  public boolean awaitQuiet(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (inFlight > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /** The oldest entry not yet taken, waiting up to {@code timeout}; null if none arrived. */
  public JournalEntry takeRequest(Duration timeout) throws InterruptedException {
    return untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** All entries in arrival order (by sequence), though each is recorded on completion. */
  public List<JournalEntry> all() {
    return entries.stream().sorted(Comparator.comparingLong(JournalEntry::sequence)).toList();
  }

  public List<JournalEntry> matching(Predicate<JournalEntry> filter) {
    return all().stream().filter(filter).toList();
  }

  /**
   * Entries matching {@code pattern}, after waiting (as assertions do) for requests still
   * completing, so a count taken right after a client returns includes its last request.
   */
  public List<JournalEntry> matching(String pattern) {
    RequestPattern expected = RequestPattern.parse(pattern);
    awaitQuiet(QUIET_WAIT);
    return matching(expected::matches);
  }

  /** How many entries match {@code pattern}; waits like {@link #matching(String)}. */
  public long count(String pattern) {
    return matching(pattern).size();
  }

  public void clear() {
    entries.clear();
    untaken.clear();
  }

  /** Throws AssertionError unless at least one request matches {@code pattern}. */
  public JournalEntry assertRequested(String pattern) {
    RequestPattern expected = RequestPattern.parse(pattern);
    awaitQuiet(QUIET_WAIT);
    return entries.stream()
        .filter(expected::matches)
        .findFirst()
        .orElseThrow(() -> new AssertionError(explain("expected a request", expected)));
  }

  /** Throws AssertionError unless exactly {@code times} requests match {@code pattern}. */
  public void assertRequested(String pattern, int times) {
    RequestPattern expected = RequestPattern.parse(pattern);
    awaitQuiet(QUIET_WAIT);
    long actual = entries.stream().filter(expected::matches).count();
    if (actual != times) {
      throw new AssertionError(
          explain("expected " + times + " request(s), saw " + actual + ",", expected));
    }
  }

  /** Throws AssertionError if any request matches {@code pattern}. */
  public void assertNotRequested(String pattern) {
    RequestPattern forbidden = RequestPattern.parse(pattern);
    awaitQuiet(QUIET_WAIT);
    List<JournalEntry> hits = matching(forbidden::matches);
    if (!hits.isEmpty()) {
      throw new AssertionError(
          "expected no request matching '" + forbidden + "', saw:\n  " + lines(hits));
    }
  }

  private String explain(String what, RequestPattern expected) {
    List<JournalEntry> nearest = new ArrayList<>(entries);
    nearest.sort(Comparator.comparingInt(expected::nearness).reversed());
    List<JournalEntry> shown = nearest.subList(0, Math.min(5, nearest.size()));
    return what
        + " matching '"
        + expected
        + "'\n"
        + (entries.isEmpty()
            ? "  no requests were made at all"
            : "  nearest of " + entries.size() + " requests:\n  " + lines(shown));
  }

  private static String lines(List<JournalEntry> list) {
    return String.join("\n  ", list.stream().map(JournalEntry::summary).toList());
  }
}
