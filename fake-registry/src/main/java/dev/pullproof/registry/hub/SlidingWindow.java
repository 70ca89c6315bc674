package dev.pullproof.registry.hub;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/** Counts events of one client within the last {@code window}; thread-safe. */
final class SlidingWindow {
  private final Duration window;
  private final ArrayDeque<Instant> events = new ArrayDeque<>();

  SlidingWindow(Duration window) {
    this.window = window;
  }

  /** Records an event at {@code now} if fewer than {@code limit} are in the window. */
  synchronized boolean tryAcquire(Instant now, int limit) {
    expire(now);
    if (events.size() >= limit) {
      return false;
    }
    events.addLast(now);
    return true;
  }

  synchronized int remaining(Instant now, int limit) {
    expire(now);
    return Math.max(0, limit - events.size());
  }

  private void expire(Instant now) {
    Instant horizon = now.minus(window);
    while (!events.isEmpty() && !events.peekFirst().isAfter(horizon)) {
      events.removeFirst();
    }
  }
}
