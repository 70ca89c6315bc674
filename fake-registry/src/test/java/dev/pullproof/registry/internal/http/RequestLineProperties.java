package dev.pullproof.registry.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.RawHttp;
import dev.pullproof.registry.protocol.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any request line sent to a running registry gets an answer: success, or a 4xx whose body is the
 * spec's JSON {@code errors} list. Never a 500, never silence (each exchange is bounded by a socket
 * timeout), never a connection closed without a status line.
 */
class RequestLineProperties {
  private static final int TRIES = 500;
  private static final int TIMEOUT_MS = 5_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] BLOB = PushPullProtocolTest.bytes(100);
  private static final Digest DIGEST = Digest.sha256(BLOB);
  private static FakeRegistry registry;

  @BeforeContainer
  static void start() throws Exception {
    registry = FakeRegistry.builder().start();
    RawHttp http = new RawHttp(registry);
    http.send("POST", "/v2/a/blobs/uploads/?digest=" + DIGEST, Map.of(), BLOB);
    http.send(
        "PUT",
        "/v2/a/manifests/latest",
        Map.of("Content-Type", "application/vnd.oci.image.manifest.v1+json"),
        Images.manifestJson(DIGEST, 100, DIGEST, 100).getBytes(StandardCharsets.UTF_8));
  }

  @AfterContainer
  static void stop() {
    registry.close();
  }

  /** Well-formed HTTP with an arbitrary method and target: the registry's own answer. */
  @Property(tries = TRIES)
  void anyTargetGetsSuccessOrASpecError(
      @ForAll("methods") String method, @ForAll("targets") String target) throws Exception {
    Answer answer = exchange(method + " " + target + " HTTP/1.1\r\n");
    assertThat(answer.status()).as(answer.toString()).isBetween(200, 499);
    if (answer.status() >= 400 && !method.equals("HEAD") && answer.hasBody()) {
      JsonNode errors = JSON.readTree(answer.body()).path("errors");
      assertThat(errors.isArray() && errors.size() > 0).as(answer.toString()).isTrue();
      assertThat(errors.path(0).path("code").asText()).as(answer.toString()).isNotBlank();
    }
  }

  /**
   * Request lines HTTP itself rejects (control characters, bad versions, missing parts): the server
   * still answers with a 4xx status line before closing, and stays up.
   */
  @Property(tries = TRIES)
  void anyRequestLineGetsAStatusLine(@ForAll("requestLines") String line) throws Exception {
    Answer answer = exchange(line + "\r\n");
    assertThat(answer.status()).as(answer.toString()).isBetween(200, 499);
    // A HEAD answer carries no content (RFC 9110 section 9.3.2), its JSON Content-Type included.
    if (answer.status() >= 400 && answer.json() && !line.matches("(?s)HEAD[ \t].*")) {
      assertThat(JSON.readTree(answer.body()).path("errors").isArray()).isTrue();
    }
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.oneOf(
        Arbitraries.of("GET", "HEAD", "PUT", "POST", "PATCH", "DELETE", "OPTIONS", "TRACE"),
        Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(10));
  }

  @Provide
  Arbitrary<String> targets() {
    Arbitrary<String> segment =
        Arbitraries.oneOf(
            Arbitraries.of(
                "v2",
                "a",
                "manifests",
                "blobs",
                "uploads",
                "tags",
                "list",
                "_catalog",
                "referrers",
                "latest",
                DIGEST.toString(),
                "token",
                "..",
                ".",
                "%2e%2e",
                "%2F",
                "%00",
                "%",
                "%zz",
                "sha256:",
                "UPPER",
                "a?n=-1",
                "a?n=abc&last=%ff",
                "a?digest=sha256:zz",
                "a#frag"),
            Arbitraries.strings().withChars("abcXYZ019._-~:@!$&'()*+,;=%?#").ofMaxLength(20));
    return Combinators.combine(
            Arbitraries.of("/", "/v2/", "/v2", "*", "http://x/v2/", ""),
            segment.list().ofMaxSize(8))
        .as((prefix, parts) -> prefix + String.join("/", parts))
        .filter(t -> !t.isEmpty());
  }

  @Provide
  Arbitrary<String> requestLines() {
    Arbitrary<String> raw =
        Arbitraries.strings()
            .withCharRange((char) 0x20, (char) 0x7e)
            .withChars('\t', '\u0000', '\u00e9', '\u007f')
            .ofMaxLength(120);
    Arbitrary<String> structured =
        Combinators.combine(
                methods(),
                Arbitraries.of(" ", "  ", "\t", ""),
                targets(),
                Arbitraries.of(
                    " HTTP/1.1", " HTTP/1.0", " HTTP/2.0", " HTTP/9", " http/1.1", "", " X"))
            .as((m, sp, t, v) -> m + sp + t + v);
    return Arbitraries.oneOf(raw, structured);
  }

  record Answer(String request, int status, String headers, byte[] body) {
    boolean hasBody() {
      return body.length > 0;
    }

    boolean json() {
      return headers.toLowerCase().contains("content-type: application/json");
    }

    @Override
    public String toString() {
      return request.strip()
          + " -> "
          + status
          + " "
          + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
    }
  }

  /** Sends the request line with a Host header; reads the whole answer until the server closes. */
  private static Answer exchange(String requestLine) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", registry.port())) {
      socket.setSoTimeout(TIMEOUT_MS);
      String request = requestLine + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      byte[] all;
      try {
        all = readAll(socket.getInputStream());
      } catch (SocketTimeoutException e) {
        throw new AssertionError(
            "no complete answer within " + TIMEOUT_MS + " ms: " + requestLine, e);
      }
      String text = new String(all, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      assertThat(text).as("answer to " + requestLine.strip()).startsWith("HTTP/1.");
      String head = end < 0 ? text : text.substring(0, end);
      int status = Integer.parseInt(head.substring(9, 12));
      byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, end + 4, all.length);
      return new Answer(requestLine, status, head, body);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }
}
