package dev.pullproof.registry.fault;

import dev.pullproof.registry.FakeRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A raw HTTP/1.1 request that reports exactly what came back on the socket, including the ways a
 * response can fail to arrive: EOF before or inside it, a reset, or silence past a read timeout.
 */
final class Probe {
  /** How the read ended. */
  enum End {
    COMPLETE,
    EOF,
    RESET,
    TIMEOUT
  }

  /**
   * @param status -1 when no status line arrived
   * @param headers lower-case names
   * @param body the body bytes that arrived
   * @param elapsedMillis from sending the request to the end of reading
   * @param headerMillis from sending to the end of the header block, -1 if none
   */
  record Outcome(
      int status,
      Map<String, String> headers,
      byte[] body,
      End end,
      long headerMillis,
      long elapsedMillis) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    long declaredLength() {
      return Long.parseLong(headers.getOrDefault("content-length", "-1"));
    }
  }

  private Probe() {}

  static Outcome get(FakeRegistry registry, String path, int readTimeoutMillis) throws IOException {
    return send(registry, "GET", path, Map.of(), readTimeoutMillis);
  }

  static Outcome send(
      FakeRegistry registry,
      String method,
      String path,
      Map<String, String> headers,
      int readTimeoutMillis)
      throws IOException {
    String address = registry.hostAndPort().substring(0, registry.hostAndPort().lastIndexOf(':'));
    try (Socket socket = new Socket(address, registry.port())) {
      socket.setSoTimeout(readTimeoutMillis);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      head.append("Host: ").append(headers.getOrDefault("Host", registry.hostAndPort()));
      head.append("\r\nConnection: close\r\n");
      headers.forEach(
          (k, v) -> {
            if (!k.equals("Host")) {
              head.append(k).append(": ").append(v).append("\r\n");
            }
          });
      long start = System.nanoTime();
      socket
          .getOutputStream()
          .write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      int status = -1;
      Map<String, String> parsed = new LinkedHashMap<>();
      long headerMillis = -1;
      int bodyStart = -1;
      End end;
      byte[] buffer = new byte[64 * 1024];
      try {
        while (true) {
          int n = in.read(buffer);
          if (n < 0) {
            end = End.EOF;
            break;
          }
          raw.write(buffer, 0, n);
          if (bodyStart < 0) {
            bodyStart = headerEnd(raw.toByteArray());
            if (bodyStart >= 0) {
              headerMillis = (System.nanoTime() - start) / 1_000_000;
              status = parseHead(raw.toByteArray(), bodyStart, parsed);
            }
          }
          if (bodyStart >= 0 && complete(method, parsed, raw.size() - bodyStart)) {
            end = End.COMPLETE;
            break;
          }
        }
      } catch (SocketTimeoutException e) {
        end = End.TIMEOUT;
      } catch (SocketException e) {
        end = End.RESET;
      }
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      byte[] all = raw.toByteArray();
      byte[] body =
          bodyStart < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, bodyStart, all.length);
      return new Outcome(status, parsed, body, end, headerMillis, elapsed);
    }
  }

  private static boolean complete(String method, Map<String, String> headers, int bodyBytes) {
    if (method.equals("HEAD")) {
      return true;
    }
    String length = headers.get("content-length");
    return length != null && bodyBytes >= Long.parseLong(length);
  }

  private static int headerEnd(byte[] bytes) {
    for (int i = 3; i < bytes.length; i++) {
      if (bytes[i - 3] == '\r'
          && bytes[i - 2] == '\n'
          && bytes[i - 1] == '\r'
          && bytes[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  private static int parseHead(byte[] bytes, int end, Map<String, String> headers) {
    String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
    }
    return Integer.parseInt(lines[0].split(" ")[1]);
  }
}
