package dev.pullproof.harness.world;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A host that accepts TCP connections and closes each as soon as the client's first bytes (its
 * request, or a TLS ClientHello) arrive, without writing a byte: clients see the connection succeed
 * and then an EOF (or, with {@link Close#RESET}, a reset) while waiting for the answer. This is a
 * crashed proxy or a load balancer with no healthy backend.
 *
 * <p>Why wait for the request: closing before the client has written races with its write. A FIN
 * that arrives first turns the client's write into an RST from this side, and a reset consumed by
 * the write leaves the read an EOF, so the same host would show EOF in one run and "connection
 * reset by peer" in the next.
 */
public final class AcceptsThenCloses implements DeadHost {
  /** How each accepted connection ends. */
  public enum Close {
    /** An orderly close (FIN): the client reads end of stream. */
    EOF,
    /** An abortive close (RST, linger 0): the client reads "connection reset". */
    RESET
  }

  private static final int FIRST_BYTES_WAIT_MS = 5_000;
  private static final int PAUSE_MS = 100;
  private static final int MAX_DRAIN = 1 << 20;

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
      try {
        Socket socket = server.accept();
        accepted.incrementAndGet();
        Thread closer = new Thread(() -> closeAfterRequest(socket), acceptor.getName() + "-conn");
        closer.setDaemon(true);
        closer.start();
      } catch (IOException e) {
        // The server socket was closed (close()): the loop ends.
      }
    }
  }

  /**
   * Reads what the client sends until it pauses, then closes. Unread bytes would make the kernel
   * answer with a reset even for {@link Close#EOF}, so the request is drained first.
   */
  private void closeAfterRequest(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      socket.setSoTimeout(FIRST_BYTES_WAIT_MS);
      int drained = 0;
      int read;
      while (drained < MAX_DRAIN && (read = in.read(buffer)) > 0) {
        drained += read;
        socket.setSoTimeout(PAUSE_MS);
      }
    } catch (SocketTimeoutException e) {
      // The client paused (or never wrote): close now.
    } catch (IOException e) {
      // The client went away first: closing below is a no-op.
    }
    closeQuietly(socket);
  }

  private void closeQuietly(Socket socket) {
    try {
      if (close == Close.RESET) {
        socket.setSoLinger(true, 0);
      }
      socket.close();
    } catch (IOException e) {
      // Already gone.
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
