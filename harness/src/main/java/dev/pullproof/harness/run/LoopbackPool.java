package dev.pullproof.harness.run;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Hands out distinct loopback addresses ({@code 127.0.0.2} and up by default) so that hosts of
 * parallel runs, impersonating the same name on the same port, never collide. Thread safe.
 */
public final class LoopbackPool {
  private final Deque<String> free = new ArrayDeque<>();
  private final String prefix;

  /** Addresses {@code prefix.first} to {@code prefix.last}, e.g. {@code ("127.0.0", 2, 254)}. */
  public LoopbackPool(String prefix, int first, int last) {
    if (prefix == null || !prefix.matches("127\\.\\d{1,3}\\.\\d{1,3}")) {
      throw new IllegalArgumentException("prefix must be 127.X.Y, got " + prefix);
    }
    if (first < 1 || last > 254 || first > last) {
      throw new IllegalArgumentException(
          "address range must lie within 1..254: " + first + ".." + last);
    }
    this.prefix = prefix;
    for (int i = first; i <= last; i++) {
      free.add(prefix + "." + i);
    }
  }

  /** 127.0.0.2 to 127.0.0.254. */
  public static LoopbackPool standard() {
    return new LoopbackPool("127.0.0", 2, 254);
  }

  public synchronized String lease() {
    String address = free.pollFirst();
    if (address == null) {
      throw new IllegalStateException(
          "no free loopback address left in " + prefix + ".*; fewer parallel runs or registries");
    }
    return address;
  }

  /** Returns an address; it goes to the back, so a just-closed port is not reused at once. */
  public synchronized void release(String address) {
    if (address.startsWith(prefix + ".") && !free.contains(address)) {
      free.addLast(address);
    }
  }
}
