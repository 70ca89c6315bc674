package dev.pullproof.registry.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A client that reaches a name without DNS: it connects to an IP address, then speaks TLS as if it
 * had resolved {@code name} there (SNI and hostname verification for {@code name}) and sends {@code
 * Host: name:port}. This is what containerd does with an extra hosts entry.
 */
public final class NamedTlsClient {
  private final SSLContext context;

  public NamedTlsClient(SSLContext context) {
    this.context = context;
  }

  /** The answer: the status line, and the certificate the server presented. */
  public record Answer(String statusLine, X509Certificate peer) {}

  /** {@code GET path} on {@code name:port}, reached at {@code address:port}. */
  public Answer get(String address, int port, String name, String path) throws IOException {
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress(address, port), 5000);
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket(plain, name, port, true)) {
      socket.setSoTimeout(5000);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setServerNames(List.of(new SNIHostName(name)));
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      String request =
          "GET "
              + path
              + " HTTP/1.1\r\nHost: "
              + name
              + ":"
              + port
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
        line.write(b);
      }
      X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
      return new Answer(line.toString(StandardCharsets.US_ASCII).trim(), peer);
    }
  }
}
