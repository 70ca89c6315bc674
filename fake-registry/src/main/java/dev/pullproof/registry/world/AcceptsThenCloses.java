package dev.pullproof.registry.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A host that accepts TCP connections and closes each at once, before reading or writing a byte:
 * clients see the connection succeed and then an EOF (or, with {@link Close#RESET}, a reset). This
 * is a crashed proxy or a load balancer with no healthy backend.
 */
public final class AcceptsThenCloses implements DeadHost {
  /** How each accepted connection ends. */
  public enum Close {
    /** An orderly close (FIN): the client reads end of stream. */
    EOF,
    /** An abortive close (RST, linger 0): the client reads "connection reset". */
    RESET
  }

  private final ServerSocket server;
  private final Close close;
  private final AtomicInteger accepted = new AtomicInteger();
  private final Thread acceptor;

  private AcceptsThenCloses(ServerSocket server, Close close) {
    this.server = server;
    this.close = close;
    this.acceptor = new Thread(this::acceptLoop, "accepts-then-closes-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Listens on {@code host}:{@code port} (0 for any). */
  public static AcceptsThenCloses on(String host, int port, Close close) {
    try {
      ServerSocket server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(host, port));
      return new AcceptsThenCloses(server, close);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        accepted.incrementAndGet();
        if (close == Close.RESET) {
          socket.setSoLinger(true, 0);
        }
      } catch (IOException e) {
        // The server socket was closed (close()) or one client vanished: go on or stop.
      }
    }
  }

  /** Connections accepted so far: proof that clients got through the TCP handshake. */
  public int acceptedConnections() {
    return accepted.get();
  }

  @Override
  public String host() {
    return server.getInetAddress().getHostAddress();
  }

  @Override
  public int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() {
    try {
      server.close();
      acceptor.join(1000);
    } catch (IOException e) {
      // Already closed.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
