package dev.pullproof.harness.world;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands out distinct loopback addresses so that hosts of parallel runs, impersonating the same name
 * on the same port, never collide. {@link #standard()} leases through the fake registry's {@link
 * LoopbackAllocator}: file locks shared by every JVM on the machine plus a trial bind of the ports
 * asked for, so separate processes (CI shards, {@code registry serve} next to a test run) stay
 * apart. A fixed range ({@code new LoopbackPool("127.0.83", 10, 20)}) is private to this pool, for
 * tests that want known addresses. Thread safe.
 */
public final class LoopbackPool {
  private final LoopbackAllocator allocator;
  private final Map<String, LoopbackAddress> held = new HashMap<>();
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
    this.allocator = null;
    this.prefix = prefix;
    for (int i = first; i <= last; i++) {
      free.add(prefix + "." + i);
    }
  }

  /** Leases through {@code allocator}. */
  public LoopbackPool(LoopbackAllocator allocator) {
    if (allocator == null) {
      throw new IllegalArgumentException("allocator is required");
    }
    this.allocator = allocator;
    this.prefix = null;
  }

  /** The machine-wide allocator: 127.0.0.2 and up, locks in the temporary directory. */
  public static LoopbackPool standard() {
    return new LoopbackPool(LoopbackAllocator.shared());
  }

  /**
   * An address on which each of {@code ports} can be bound now (none: any port).
   *
   * @throws IllegalStateException when none is left
   */
  public synchronized String lease(int... ports) {
    if (allocator != null) {
      LoopbackAddress address = allocator.lease(ports);
      held.put(address.host(), address);
      return address.host();
    }
    for (int i = 0; i < free.size(); i++) {
      String address = free.pollFirst();
      if (bindable(address, ports)) {
        return address;
      }
      free.addLast(address);
    }
    throw new IllegalStateException(
        "no free loopback address left in " + prefix + ".*; fewer parallel runs or registries");
  }

  /** Returns an address; a fixed range puts it at the back, so it is not reused at once. */
  public synchronized void release(String address) {
    LoopbackAddress lease = held.remove(address);
    if (lease != null) {
      lease.close();
    } else if (prefix != null && address.startsWith(prefix + ".") && !free.contains(address)) {
      free.addLast(address);
    }
  }

  private static boolean bindable(String address, int[] ports) {
    for (int port : ports) {
      try (ServerSocket probe = new ServerSocket()) {
        probe.setReuseAddress(true);
        probe.bind(new InetSocketAddress(address, port));
      } catch (IOException inUse) {
        return false;
      }
    }
    return true;
  }
}
