package dev.pullproof.harness.world;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;

/**
 * A loopback address leased from a {@link LoopbackAllocator}: its holder may bind any port on it.
 * Closing releases it to other runs.
 */
public final class LoopbackAddress implements AutoCloseable {
  private final InetAddress address;
  private final FileChannel lock;

  LoopbackAddress(InetAddress address, FileChannel lock) {
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

  @Override
  public void close() {
    try {
      lock.close();
    } catch (IOException e) {
      // The lock dies with the channel in any case; nothing else to release.
    }
  }

  @Override
  public String toString() {
    return "LoopbackAddress[" + host() + "]";
  }
}
