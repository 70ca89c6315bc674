package dev.pullproof.registry.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
  private final java.util.concurrent.atomic.AtomicLong writes =
      new java.util.concurrent.atomic.AtomicLong();
  private boolean headEnded;
  private long headBytes;
  private int lastTwo;
  private boolean claimed;

  RequestHeadTap(StreamSourceConduit next) {
    super(next);
  }

  /** The server wrote a response: the next bytes read begin a new request. */
  void answered() {
    answered = true;
    writes.incrementAndGet();
  }

  /**
   * How many writes went out on the connection so far. An exchange compares it with the count at
   * its start: the answered flag is the connection's, and the client's next request can reset it
   * before the exchange that was answered is journaled.
   */
  long writes() {
    return writes.get();
  }

  /** The request passed Undertow's own checks and reached the registry's handlers. */
  synchronized void claim() {
    claimed = true;
  }

  /** A whole request head arrived, no handler took it and nothing answered it. */
  synchronized boolean unclaimedAndUnanswered() {
    return !answered && headEnded && !claimed;
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
   * The values of header {@code name} (case-insensitive) among the kept bytes, in order; the head
   * is kept up to {@value #KEPT} bytes, so a header past them is not seen.
   */
  synchronized List<String> headerValues(String name) {
    String text = new String(head, 0, kept, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
    List<String> values = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0 && lines[i].substring(0, colon).equalsIgnoreCase(name)) {
        values.add(lines[i].substring(colon + 1).strip());
      }
    }
    return values;
  }

  /**
   * True when the bytes begin a TLS handshake record (content type 22, version 3.x): a client
   * speaking HTTPS to this plain-HTTP port (RFC 8446 section 5.1).
   */
  synchronized boolean tlsHandshake() {
    return kept >= 2 && head[0] == 0x16 && head[1] == 0x03;
  }

  /** The request head's size: up to its empty line, or every byte so far if none came yet. */
  synchronized long headBytes() {
    return headEnded ? headBytes : bytes;
  }

  /** True when a complete header block arrived (an empty line, CRLF or bare LF). */
  synchronized boolean headComplete() {
    return headEnded;
  }

  @Override
  synchronized void saw(ByteBuffer dst, int from, int n) {
    if (answered) {
      answered = false;
      kept = 0;
      bytes = 0;
      headEnded = false;
      lastTwo = 0;
      claimed = false;
      startNanos = System.nanoTime();
    }
    bytes += n;
    for (int i = from; i < from + n && kept < KEPT; i++) {
      head[kept++] = dst.get(i);
    }
    for (int i = from; i < from + n && !headEnded; i++) {
      byte b = dst.get(i);
      // An empty line ends the head: LF after LF, or after CR LF (lastTwo holds the two before).
      headEnded = b == '\n' && ((lastTwo & 0xff) == '\n' || lastTwo == ('\n' << 8 | '\r'));
      headBytes = bytes - n + (i - from) + 1;
      lastTwo = (lastTwo << 8 | (b & 0xff)) & 0xffff;
    }
  }
}
