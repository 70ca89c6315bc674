package dev.pullproof.harness.world;

import java.net.InetAddress;
import java.nio.channels.FileLock;

/**
 * A loopback address leased from a {@link LoopbackAllocator}: its holder may bind any port on it.
 * Closing releases it to other runs.
 */
public final class LoopbackAddress implements AutoCloseable {
  private final InetAddress address;
  private final FileLock lock;

  LoopbackAddress(InetAddress address, FileLock lock) {
    this.address = address;
    this.lock = lock;
  }

  /** The textual address, e.g. {@code 127.0.0.7}, for a registry's {@code host(...)}. */
  public String host() {
    return address.getHostAddress();
  }

  public InetAddress address() {
    return address;
  }

  /** Releases the lock (only this lease's; the lock file's channel stays open). */
  @Override
  public void close() {
    LoopbackAllocator.release(lock);
  }

  @Override
  public String toString() {
    return "LoopbackAddress[" + host() + "]";
  }
}
