package dev.pullproof.registry.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends arbitrary bytes on a fresh connection, half-closes it (so a body that stops short ends in
 * EOF, not a wait) and reads every response the server sends until it closes.
 */
final class RawExchange {
  /** One response on the connection; {@code head} tells whether it may carry a body. */
  record Answer(int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + new String(body, StandardCharsets.UTF_8);
    }
  }

  private RawExchange() {}

  /**
   * @param headRequest the first request is a HEAD: its answer has no body
   */
  static List<Answer> send(int port, byte[] request, boolean headRequest, int timeoutMs)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(timeoutMs);
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
        socket.shutdownOutput();
      } catch (IOException e) {
        // The server may answer and close before reading everything (e.g. a 431).
      }
      InputStream in = socket.getInputStream();
      List<Answer> answers = new ArrayList<>();
      try {
        for (Answer a = read(in, headRequest); a != null; a = read(in, false)) {
          answers.add(a);
        }
      } catch (SocketTimeoutException e) {
        throw new AssertionError("no end of answer within " + timeoutMs + " ms", e);
      } catch (IOException e) {
        // A reset after the last answer: what was read stands.
      }
      return answers;
    }
  }

  private static Answer read(InputStream in, boolean head) throws IOException {
    String status = line(in);
    if (status == null) {
      return null;
    }
    if (!status.startsWith("HTTP/1.") || status.length() < 12) {
      throw new AssertionError("not a status line: " + status);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
      int colon = l.indexOf(':');
      headers.merge(
          l.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          l.substring(colon + 1).trim(),
          (a, b) -> a + ", " + b);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    byte[] body = new byte[0];
    if (!head && code != 204 && code != 304 && code >= 200) {
      String length = headers.get("content-length");
      if (length != null) {
        body = in.readNBytes(Integer.parseInt(length));
      } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = chunked(in);
      } else {
        body = in.readAllBytes();
      }
    }
    return new Answer(code, headers, body);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String size = line(in); size != null; size = line(in)) {
      int n = Integer.parseInt(size.split(";")[0].trim(), 16);
      if (n == 0) {
        line(in);
        break;
      }
      out.write(in.readNBytes(n));
      line(in);
    }
    return out.toByteArray();
  }

  /** A CRLF-terminated line without its end; null at EOF before any byte. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        buf.write(c);
      }
    }
    return c < 0 && buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
  }
}
