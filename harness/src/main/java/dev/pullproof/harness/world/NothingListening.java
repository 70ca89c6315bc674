package dev.pullproof.harness.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * A host and port where nothing listens: every connection is refused (the kernel answers the SYN
 * with a reset), like a mirror whose process is down. The port is held by a socket that is bound
 * but never listens, so no one else can take it while this exists.
 */
public final class NothingListening implements DeadHost {
  private final SocketChannel holder;
  private final InetSocketAddress address;

  private NothingListening(SocketChannel holder) throws IOException {
    this.holder = holder;
    this.address = (InetSocketAddress) holder.getLocalAddress();
  }

  /** Reserves {@code port} (0 for any) on {@code host}, e.g. 127.0.0.5. */
  public static NothingListening on(String host, int port) {
    try {
      SocketChannel channel = SocketChannel.open();
      try {
        // Without SO_REUSEADDR on this socket, no other socket can bind the same address and port.
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, false);
        channel.bind(new InetSocketAddress(host, port));
        return new NothingListening(channel);
      } catch (IOException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reserve " + host + ":" + port, e);
    }
  }

  @Override
  public String host() {
    return address.getAddress().getHostAddress();
  }

  @Override
  public int port() {
    return address.getPort();
  }

  @Override
  public void close() {
    try {
      holder.close();
    } catch (IOException e) {
      // Closing an unconnected socket releases the port whatever the outcome.
    }
  }
}
