package dev.pullproof.registry.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client over one keep-alive socket, reconnecting when the server closes: every
 * socket it opens it closes, so a file-descriptor count after the run sees only the server's.
 */
final class KeepAliveClient implements Closeable {
  /** One answer: status, body length, and the body when asked for. */
  record Answer(int status, long length, String body) {}

  private final InetSocketAddress address;
  private final String hostHeader;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  KeepAliveClient(String host, int port) {
    this.address = new InetSocketAddress(host, port);
    this.hostHeader = host + ":" + port;
  }

  Answer get(String path, String authorization, String accept, boolean keepBody)
      throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.connect(address, 10_000);
      socket.setSoTimeout(30_000);
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      out = socket.getOutputStream();
    }
    StringBuilder request =
        new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: ").append(hostHeader);
    if (authorization != null) {
      request.append("\r\nAuthorization: ").append(authorization);
    }
    if (accept != null) {
      request.append("\r\nAccept: ").append(accept);
    }
    out.write(request.append("\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String statusLine = line();
    if (statusLine == null) {
      close();
      throw new IOException("connection closed before a status line for GET " + path);
    }
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    long length = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    for (String h = line(); h != null && !h.isEmpty(); h = line()) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        closeAfter = true;
      }
    }
    ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
    long read = 0;
    if (chunked) {
      for (long size = Long.parseLong(line().trim(), 16); size > 0; ) {
        read += copy(size, body);
        line();
        size = Long.parseLong(line().trim(), 16);
      }
      line();
    } else if (length > 0) {
      read = copy(length, body);
    }
    if (closeAfter) {
      close();
    }
    return new Answer(status, read, body == null ? null : body.toString(StandardCharsets.UTF_8));
  }

  private long copy(long n, ByteArrayOutputStream sink) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    long left = n;
    while (left > 0) {
      int got = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (got < 0) {
        close();
        throw new IOException("connection closed with " + left + " body bytes missing");
      }
      if (sink != null) {
        sink.write(buffer, 0, got);
      }
      left -= got;
    }
    return n;
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int end = sb.length();
        return end > 0 && sb.charAt(end - 1) == '\r' ? sb.substring(0, end - 1) : sb.toString();
      }
      sb.append((char) c);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }
}
