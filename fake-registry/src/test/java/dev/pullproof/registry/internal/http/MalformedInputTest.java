package dev.pullproof.registry.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.RawHttp;
import dev.pullproof.registry.journal.JournalEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests the HTTP parser itself rejects, and requests that break off, still get a spec error
 * body, never a 5xx, and a journal entry with their true byte counts.
 */
class MalformedInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static FakeRegistry registry;

  @BeforeAll
  static void start() {
    registry = FakeRegistry.builder().start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  static Stream<Arguments> parserRejects() {
    String host = "Host: x\r\n";
    return Stream.of(
        Arguments.of("no version", "GET /v2/\r\n" + host + "\r\n", 400),
        Arguments.of(
            "control character in path", "GET /v2/\u0001 HTTP/1.1\r\n" + host + "\r\n", 400),
        Arguments.of("space in path", "GET /v2/ a b HTTP/1.1\r\n" + host + "\r\n", 400),
        Arguments.of(
            "Content-Length not a number",
            "PUT /v2/a/manifests/x HTTP/1.1\r\n" + host + "Content-Length: abc\r\n\r\n",
            400),
        Arguments.of(
            "two Content-Lengths",
            "PUT /v2/a/manifests/x HTTP/1.1\r\n"
                + host
                + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab",
            400),
        Arguments.of("header without colon", "GET /v2/ HTTP/1.1\r\n" + host + "Oops\r\n\r\n", 400),
        Arguments.of("no Host", "GET /v2/ HTTP/1.1\r\n\r\n", 400),
        Arguments.of(
            "no Host, with a body",
            "PUT /v2/a/manifests/x HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}",
            400),
        Arguments.of("two Hosts", "GET /v2/ HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        Arguments.of("a Host port out of range", "GET /v2/ HTTP/1.1\r\nHost: a:99999\r\n\r\n", 400),
        Arguments.of(
            "an absolute target naming another host",
            "GET http://b/v2/ HTTP/1.1\r\n" + host + "\r\n",
            400),
        Arguments.of(
            "header block over 64 KiB",
            "GET /v2/ HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(70_000) + "\r\n\r\n",
            431));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parserRejects")
  void aRequestTheParserRejectsGetsASpecBodyAndAJournalEntry(String why, String request, int status)
      throws Exception {
    // The previous case's last request may still be completing; its entry must not be taken here.
    registry.journal().awaitQuiet(Duration.ofSeconds(5));
    registry.journal().clear();
    String answer = exchange(request.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(answer).as(why).startsWith("HTTP/1.1 " + status);
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    assertThat(JSON.readTree(body).path("errors").path(0).path("code").asText())
        .as(why + ": " + answer)
        .isEqualTo("UNSUPPORTED");
    JournalEntry entry = registry.takeRequest(Duration.ofSeconds(5));
    assertThat(entry).as(why + ": no journal entry for a rejected request").isNotNull();
    assertThat(entry.status()).as(entry.summary()).isEqualTo(status);
    assertThat(entry.requestBytes()).as(entry.summary()).isEqualTo(request.length());
    assertThat(new RawHttp(registry).get("/v2/").status()).as("still serving").isEqualTo(200);
  }

  @Test
  void anAcceptHeaderOfOnlySeparatorsIsNoServerError() throws Exception {
    RawHttp http = new RawHttp(registry);
    for (String method : new String[] {"GET", "HEAD"}) {
      int status =
          http.send(method, "/v2/nothing/manifests/x", Map.of("Accept", ";"), null).status();
      assertThat(status).as(method + " with Accept: ;").isEqualTo(404);
    }
  }

  @Test
  void aChunkedBodyIsJournaledWithTheBytesReceived() throws Exception {
    RawHttp http = new RawHttp(registry);
    String location =
        http.send("POST", "/v2/c/blobs/uploads/", Map.of(), new byte[0]).header("Location");
    String chunked = "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
    String answer =
        exchange(
            ("PATCH "
                    + location
                    + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n"
                    + chunked)
                .getBytes(StandardCharsets.ISO_8859_1));
    assertThat(answer).startsWith("HTTP/1.1 202");
    registry.journal().awaitQuiet(Duration.ofSeconds(5));
    JournalEntry entry = registry.journal().matching(e -> e.method().equals("PATCH")).get(0);
    assertThat(entry.requestBytes()).as(entry.summary()).isEqualTo(11);
  }

  @Test
  void aBodyThatStopsShortIsAClientErrorInTheJournal() throws Exception {
    // An earlier test's request may still be completing: let it land before clearing.
    registry.journal().awaitQuiet(Duration.ofSeconds(5));
    registry.journal().clear();
    try (Socket socket = new Socket("127.0.0.1", registry.port())) {
      socket
          .getOutputStream()
          .write(
              ("PUT /v2/s/manifests/x HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\"")
                  .getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      Thread.sleep(200);
    }
    JournalEntry entry = registry.takeRequest(Duration.ofSeconds(5));
    assertThat(entry.status()).as(entry.summary()).isBetween(400, 499);
    assertThat(entry.requestBytes()).as(entry.summary()).isEqualTo(4);
  }

  @Test
  void aTlsHandshakeOnThePlainPortIsJournaledAsAHandshakeNotAsARequestLine() throws Exception {
    registry.journal().awaitQuiet(Duration.ofSeconds(5));
    registry.journal().clear();
    // A real ClientHello, as a client that speaks HTTPS to this plain-HTTP port sends it.
    javax.net.ssl.SSLSocketFactory tls = javax.net.ssl.SSLContext.getDefault().getSocketFactory();
    try (javax.net.ssl.SSLSocket socket =
        (javax.net.ssl.SSLSocket) tls.createSocket("127.0.0.1", registry.port())) {
      socket.setSoTimeout(5_000);
      socket.startHandshake();
    } catch (IOException expected) {
      // The answer is plain HTTP, which no TLS client accepts.
    }
    JournalEntry entry = registry.takeRequest(Duration.ofSeconds(5));
    assertThat(entry).as("no journal entry for the handshake").isNotNull();
    assertThat(entry.summary()).startsWith("#").contains(" TLS (handshake) -> 400 UNSUPPORTED");
    assertThat(entry.routeKind()).isEqualTo("tls");
    assertThat(new RawHttp(registry).get("/v2/").status()).as("still serving").isEqualTo(200);
  }

  private static String exchange(byte[] request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", registry.port())) {
      socket.setSoTimeout(5_000);
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
      } catch (IOException e) {
        // The server may answer and close before reading everything sent.
      }
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
