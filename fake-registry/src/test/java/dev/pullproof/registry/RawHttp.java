package dev.pullproof.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A byte-exact HTTP/1.1 client for protocol tests: sends exactly the request given (no header
 * normalisation, any method, any path) and reads one response.
 */
public final class RawHttp {
  private final String host;
  private final int port;

  public RawHttp(FakeRegistry registry) {
    this.host = "127.0.0.1";
    this.port = registry.port();
  }

  /** A response: status, headers (lower-case names) and body. */
  public record Response(int status, Map<String, String> headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  public Response send(String method, String path, Map<String, String> headers, byte[] body)
      throws IOException {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(10_000);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      head.append("Host: ").append(host).append(':').append(port).append("\r\n");
      head.append("Connection: close\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (body != null) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
          out.write(body);
        }
        out.flush();
      } catch (IOException e) {
        // The server may answer and close before reading a body it rejects (e.g. too large).
      }
      return read(socket.getInputStream(), method.equals("HEAD"));
    }
  }

  /** Sends raw bytes as the whole request and reads the status line of the answer. */
  public int sendRaw(byte[] request) throws IOException {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      String status = line(socket.getInputStream());
      return status.isEmpty() ? -1 : Integer.parseInt(status.split(" ")[1]);
    }
  }

  public Response get(String path) throws IOException {
    return send("GET", path, Map.of(), null);
  }

  private static Response read(InputStream in, boolean head) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String l = line(in); !l.isEmpty(); l = line(in)) {
      int colon = l.indexOf(':');
      headers.merge(
          l.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          l.substring(colon + 1).trim(),
          (a, b) -> a + ", " + b);
    }
    byte[] body;
    if (head) {
      body = new byte[0];
    } else if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else {
      body = in.readAllBytes();
    }
    return new Response(status, headers, body);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        buf.write(c);
      }
    }
    return buf.toString(StandardCharsets.ISO_8859_1);
  }
}
