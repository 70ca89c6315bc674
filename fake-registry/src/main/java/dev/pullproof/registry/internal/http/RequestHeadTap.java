package dev.pullproof.registry.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Counts the bytes a connection receives for its current request and keeps the first of them, so a
 * request the HTTP parser rejects can still be journaled with its request line and true size.
 */
final class RequestHeadTap extends ObservedSource {
  private static final int KEPT = 1024;
  private final byte[] head = new byte[KEPT];
  private int kept;
  private long bytes;
  private long startNanos;
  private volatile boolean answered = true;

  RequestHeadTap(StreamSourceConduit next) {
    super(next);
  }

  /** The server wrote a response: the next bytes read begin a new request. */
  void answered() {
    answered = true;
  }

  synchronized long bytes() {
    return bytes;
  }

  synchronized long startNanos() {
    return startNanos;
  }

  /** The request line so far, undecoded; control characters shown as {@code ?}. */
  synchronized String requestLine() {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < kept && head[i] != '\r' && head[i] != '\n'; i++) {
      char c = (char) (head[i] & 0xff);
      line.append(c < 0x20 || c >= 0x7f ? '?' : c);
    }
    return line.toString();
  }

  /**
   * True when the bytes begin a TLS handshake record (content type 22, version 3.x): a client
   * speaking HTTPS to this plain-HTTP port (RFC 8446 section 5.1).
   */
  synchronized boolean tlsHandshake() {
    return kept >= 2 && head[0] == 0x16 && head[1] == 0x03;
  }

  /** True when the kept bytes hold a complete header block. */
  synchronized boolean headComplete() {
    return new String(head, 0, kept, StandardCharsets.ISO_8859_1).contains("\r\n\r\n");
  }

  @Override
  synchronized void saw(ByteBuffer dst, int from, int n) {
    if (answered) {
      answered = false;
      kept = 0;
      bytes = 0;
      startNanos = System.nanoTime();
    }
    bytes += n;
    for (int i = from; i < from + n && kept < KEPT; i++) {
      head[kept++] = dst.get(i);
    }
  }
}
