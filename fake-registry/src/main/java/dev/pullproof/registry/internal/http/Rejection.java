package dev.pullproof.registry.internal.http;

import io.undertow.server.handlers.HostHeaderHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Why Undertow refused a request before any handler saw it, recognised from the empty-bodied 400 it
 * writes straight to the socket. Two places answer that way: its HTTP parser (one fixed response)
 * and, since 2.4, the {@link HostHeaderHandler} it wraps around every root handler (RFC 9112
 * section 3.2: an HTTP/1.1 request needs exactly one well-formed Host), which names its reason in
 * the status line.
 */
enum Rejection {
  /** The parser: a bad request line, header syntax, Content-Length, or a header block too large. */
  PARSER,
  NO_HOST,
  SEVERAL_HOSTS,
  /** A Host whose port, IP literal or characters are malformed, or that the target contradicts. */
  MALFORMED_HOST;

  private static final byte[] PARSER_ANSWER =
      bytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

  private static final Map<String, Rejection> HOST_REASONS =
      Map.of(
          HostHeaderHandler.STATUS_NO_HOST_HEADER, NO_HOST,
          HostHeaderHandler.STATUS_TOO_MANY_HOST_HEADERS, SEVERAL_HOSTS,
          HostHeaderHandler.STATUS_MALFORMED_PORT, MALFORMED_HOST,
          HostHeaderHandler.STATUS_MALFORMED_IP_LITERAL, MALFORMED_HOST,
          HostHeaderHandler.STATUS_MALFORMED_IP_LITERAL_BAD_CHARS, MALFORMED_HOST,
          HostHeaderHandler.STATUS_HOST_NO_MATCH, MALFORMED_HOST);

  private static final byte[] HTTP_1 = bytes("HTTP/1.");
  private static final byte[] STATUS_400 = bytes(" 400 ");

  /** Longest status line Undertow's rejections write, with room to spare. */
  private static final int STATUS_LINE_BYTES = 64;

  /**
   * The rejection {@code src} begins with, or null for any other response; consumes nothing. Runs
   * on every write, so anything but a 400 status line is turned away before allocating.
   */
  static Rejection recognise(ByteBuffer src) {
    // "HTTP/1.x 400 <reason>": the version echoes the request's.
    if (!at(src, 0, HTTP_1) || !at(src, 8, STATUS_400)) {
      return null;
    }
    if (at(src, 0, PARSER_ANSWER)) {
      return PARSER;
    }
    int n = Math.min(src.remaining(), STATUS_LINE_BYTES);
    byte[] start = new byte[n];
    src.get(src.position(), start);
    String line = new String(start, StandardCharsets.ISO_8859_1);
    int end = line.indexOf("\r\n");
    return end < 0 ? null : HOST_REASONS.get(line.substring(13, end));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static boolean at(ByteBuffer src, int offset, byte[] expected) {
    if (src.remaining() < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (src.get(src.position() + offset + i) != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
