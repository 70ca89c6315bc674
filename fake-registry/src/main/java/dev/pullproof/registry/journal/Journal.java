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
 * Every request a registry answered, in completion order. Query it ({@link #all}, {@link
 * #matching}, {@link #count}), consume it like MockWebServer ({@link #takeRequest}), or assert on
 * it ({@link #assertRequested}): a failed assertion prints the expected pattern and the nearest
 * requests that did happen.
 */
public final class Journal {
  private final List<JournalEntry> entries = new CopyOnWriteArrayList<>();
  private final BlockingQueue<JournalEntry> untaken = new LinkedBlockingQueue<>();
  private final AtomicLong sequence = new AtomicLong();

  /** The next sequence number; numbers follow request arrival. */
  public long nextSequence() {
    return sequence.incrementAndGet();
  }

  public void record(JournalEntry entry) {
    entries.add(entry);
    untaken.add(entry);
  }

  /** The oldest entry not yet taken, waiting up to {@code timeout}; null if none arrived. */
  public JournalEntry takeRequest(Duration timeout) throws InterruptedException {
    return untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** All entries, in completion order. */
  public List<JournalEntry> all() {
    return List.copyOf(entries);
  }

  public List<JournalEntry> matching(Predicate<JournalEntry> filter) {
    return entries.stream().filter(filter).toList();
  }

  public List<JournalEntry> matching(String pattern) {
    return matching(RequestPattern.parse(pattern)::matches);
  }

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
    return entries.stream()
        .filter(expected::matches)
        .findFirst()
        .orElseThrow(() -> new AssertionError(explain("expected a request", expected)));
  }

  /** Throws AssertionError unless exactly {@code times} requests match {@code pattern}. */
  public void assertRequested(String pattern, int times) {
    RequestPattern expected = RequestPattern.parse(pattern);
    long actual = entries.stream().filter(expected::matches).count();
    if (actual != times) {
      throw new AssertionError(
          explain("expected " + times + " request(s), saw " + actual + ",", expected));
    }
  }

  /** Throws AssertionError if any request matches {@code pattern}. */
  public void assertNotRequested(String pattern) {
    RequestPattern forbidden = RequestPattern.parse(pattern);
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
