package dev.pullproof.registry.journal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Every request a registry answered, recorded when its exchange completed. Query it ({@link #all},
 * {@link #matching}, {@link #count}), consume it like MockWebServer ({@link #takeRequest}), or
 * assert on it ({@link #assertRequested}): a failed assertion prints the expected pattern and the
 * nearest requests that did happen.
 *
 * <p>Memory holds the latest {@link #capacity()} entries (and as many not yet taken); older ones
 * are counted ({@link #notKept()}) and, with a {@link JournalFile}, were written there as they were
 * recorded, so the file holds every request. Queries and assertions see the entries kept; a failed
 * assertion says how many earlier ones were not.
 */
public final class Journal {
  /** How long assertions wait for requests still completing (a stalled one may never). */
  static final Duration QUIET_WAIT = Duration.ofSeconds(2);

  /**
   * Entries kept in memory by default: far more than a test or scenario makes, about 10 MiB of heap
   * (an entry takes about 530 bytes; a served registry under full load records 5,000 to 15,000 a
   * second here).
   */
  public static final int DEFAULT_CAPACITY = 20_000;

  private final int capacity;
  private final JournalFile file;
  private final Deque<JournalEntry> entries = new ArrayDeque<>();
  private final BlockingQueue<JournalEntry> untaken = new LinkedBlockingQueue<>();
  private final AtomicLong sequence = new AtomicLong();
  private final Object lock = new Object();
  private int inFlight;
  private long recorded;
  private long notKept;

  /** A journal keeping {@link #DEFAULT_CAPACITY} entries in memory, with no file. */
  public Journal() {
    this(DEFAULT_CAPACITY, null);
  }

  /**
   * @param capacity entries kept in memory, at least 1
   * @param file where every entry is also written as it is recorded, or null
   */
  public Journal(int capacity, JournalFile file) {
    if (capacity < 1) {
      throw new IllegalArgumentException("journal capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    this.file = file;
  }

  public int capacity() {
    return capacity;
  }

  /** Every entry recorded since the start (or the last {@link #clear}), kept or not. */
  public long recorded() {
    synchronized (lock) {
      return recorded;
    }
  }

  /** Entries recorded but no longer in memory (the oldest, beyond {@link #capacity()}). */
  public long notKept() {
    synchronized (lock) {
      return notKept;
    }
  }

  /** The file every entry is written to, or null. */
  public JournalFile file() {
    return file;
  }

  /**
   * One line for people: {@code 1234 requests journaled, 1000 kept in memory (capacity 1000), 234
   * earlier ones not kept: every one is in FILE}.
   */
  public String summary() {
    synchronized (lock) {
      String kept = recorded + " requests journaled, " + entries.size() + " kept in memory";
      if (notKept == 0) {
        return kept + (file == null ? "" : "; every one is in " + file.path());
      }
      return kept
          + " (capacity "
          + capacity
          + "), "
          + notKept
          + " earlier ones not kept"
          + (file == null
              ? " and not written anywhere (configure a journal file to keep them)"
              : ": every one is in " + file.path());
    }
  }

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
    if (file != null) {
      file.write(entry);
    }
    synchronized (lock) {
      entries.addLast(entry);
      recorded++;
      if (entries.size() > capacity) {
        entries.removeFirst();
        notKept++;
      }
    }
    // After the entry is kept: a taker may query the journal at once.
    untaken.add(entry);
    if (untaken.size() > capacity) {
      untaken.poll();
    }
    synchronized (lock) {
      inFlight = Math.max(0, inFlight - 1);
      lock.notifyAll();
    }
  }

  /** The entries in memory, in the order they were recorded. */
  private List<JournalEntry> kept() {
    synchronized (lock) {
      return new ArrayList<>(entries);
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
    return kept().stream().sorted(Comparator.comparingLong(JournalEntry::sequence)).toList();
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

  /** Forgets the entries in memory and the counts; a journal file keeps what it was given. */
  public void clear() {
    synchronized (lock) {
      entries.clear();
      recorded = 0;
      notKept = 0;
    }
    untaken.clear();
  }

  /** Throws AssertionError unless at least one request matches {@code pattern}. */
  public JournalEntry assertRequested(String pattern) {
    RequestPattern expected = RequestPattern.parse(pattern);
    awaitQuiet(QUIET_WAIT);
    return kept().stream()
        .filter(expected::matches)
        .findFirst()
        .orElseThrow(() -> new AssertionError(explain("expected a request", expected)));
  }

  /** Throws AssertionError unless exactly {@code times} requests match {@code pattern}. */
  public void assertRequested(String pattern, int times) {
    RequestPattern expected = RequestPattern.parse(pattern);
    awaitQuiet(QUIET_WAIT);
    long actual = kept().stream().filter(expected::matches).count();
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
    List<JournalEntry> nearest = kept();
    nearest.sort(Comparator.comparingInt(expected::nearness).reversed());
    List<JournalEntry> shown = nearest.subList(0, Math.min(5, nearest.size()));
    long earlier = notKept();
    return what
        + " matching '"
        + expected
        + "'\n"
        + (nearest.isEmpty() && earlier == 0
            ? "  no requests were made at all"
            : "  nearest of " + nearest.size() + " requests:\n  " + lines(shown))
        + (earlier == 0 ? "" : "\n  (" + summary() + ")");
  }

  private static String lines(List<JournalEntry> list) {
    return String.join("\n  ", list.stream().map(JournalEntry::summary).toList());
  }
}
