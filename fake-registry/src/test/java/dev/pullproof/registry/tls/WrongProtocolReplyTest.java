package dev.pullproof.registry.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.journal.JournalEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How a listener answers the other protocol, on the socket. */
class WrongProtocolReplyTest {
  private static final byte[] PLAIN_HEAD =
      "HEAD /v2/team/app/manifests/1.0 HTTP/1.1\r\nHost: x\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1);
  // The start of a TLS 1.2 ClientHello record: handshake (0x16), version 3.1, a length.
  private static final byte[] CLIENT_HELLO = {0x16, 0x03, 0x01, 0x00, 0x2f, 0x01, 0x00, 0x00, 0x2b};

  private final CertificateAuthority ca =
      CertificateAuthority.create("pullproof test CA", Clock.systemUTC());

  @Test
  void aGoStyleTlsPortAnswersPlainHttpWith400AndStillServesTls() throws Exception {
    try (FakeRegistry registry =
        FakeRegistry.builder()
            .tls(TlsConfig.of(ca))
            .wrongProtocolReply(WrongProtocolReply.HTTP_400)
            .start()) {
      assertThat(exchange(registry, PLAIN_HEAD))
          .isEqualTo(
              "HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n");
      JournalEntry refused = registry.takeRequest(Duration.ofSeconds(5));
      assertThat(refused.summary()).contains("HEAD /v2/team/app/manifests/1.0 -> 400");
      assertThat(refused.routeKind()).isEqualTo("plain-http");

      HttpResponse<String> tls =
          HttpClient.newBuilder()
              .sslContext(TlsConfig.clientContext(ca))
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(registry.url() + "/v2/")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(tls.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theDefaultTlsPortAnswersPlainHttpWithNoHttpAtAll() throws Exception {
    try (FakeRegistry registry = FakeRegistry.builder().tls(TlsConfig.of(ca)).start()) {
      assertThat(exchange(registry, PLAIN_HEAD)).doesNotStartWith("HTTP/");
    }
  }

  @Test
  void aBarePlainPortAnswersAHandshakeWithABodyAndNoStatusLine() throws Exception {
    try (FakeRegistry registry =
        FakeRegistry.builder().wrongProtocolReply(WrongProtocolReply.BARE_BODY).start()) {
      assertThat(exchange(registry, CLIENT_HELLO)).startsWith("{\"errors\":");
    }
    try (FakeRegistry registry = FakeRegistry.builder().start()) {
      assertThat(exchange(registry, CLIENT_HELLO)).startsWith("HTTP/1.1 400 Bad Request");
    }
  }

  @Test
  void aReplyTheListenerCannotGiveIsRefusedAtStart() {
    assertThatThrownBy(
            () -> FakeRegistry.builder().wrongProtocolReply(WrongProtocolReply.TLS_ALERT).start())
        .hasMessageContaining(
            "a plain-HTTP registry cannot answer the other protocol with TLS_ALERT");
    assertThatThrownBy(
            () ->
                FakeRegistry.builder()
                    .tls(TlsConfig.of(ca))
                    .wrongProtocolReply(WrongProtocolReply.BARE_BODY)
                    .start())
        .hasMessageContaining("use TLS_ALERT or HTTP_400");
  }

  private static String exchange(FakeRegistry registry, byte[] request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", registry.port())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        socket.getInputStream().transferTo(out);
      } catch (IOException e) {
        // A reset after the answer still leaves the answer read.
      }
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
