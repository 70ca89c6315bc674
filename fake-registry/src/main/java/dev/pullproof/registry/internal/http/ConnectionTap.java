package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.journal.Journal;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.RegistryException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.xnio.StreamConnection;

/**
 * Wraps an accepted connection's conduits so that a request Undertow's HTTP parser rejects (a bad
 * request line, a malformed Content-Length, a header block over the limit, bytes no header may
 * hold) is answered with the spec's JSON error and recorded in the journal, like every request that
 * reaches the handlers.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes">
 *     distribution-spec: error codes</a>
 */
final class ConnectionTap {
  private ConnectionTap() {}

  /**
   * @param bareTlsReply answer a TLS handshake with the error body alone, no status line, as some
   *     proxies do (Go clients then say the first record does not look like a TLS handshake)
   */
  static void install(
      StreamConnection connection, Journal journal, Clock clock, boolean bareTlsReply) {
    RequestHeadTap tap = new RequestHeadTap(connection.getSourceChannel().getConduit());
    connection.getSourceChannel().setConduit(tap);
    String client = client(connection);
    connection
        .getSinkChannel()
        .setConduit(
            new RejectionSink(
                connection.getSinkChannel().getConduit(),
                tap,
                rejected -> answer(rejected, client, journal, clock, bareTlsReply)));
  }

  /** How the journal writes a TLS handshake that reached a plain-HTTP port. */
  static final String TLS_METHOD = "TLS";

  static final String TLS_PATH = "(handshake)";

  private static byte[] answer(
      RequestHeadTap tap, String client, Journal journal, Clock clock, boolean bareTlsReply) {
    long sequence = journal.begin();
    boolean tooLarge = !tap.headComplete() && tap.bytes() > HandlerChain.MAX_HEADER_BYTES;
    boolean tls = tap.tlsHandshake();
    RegistryException error =
        tls
            ? ErrorCode.UNSUPPORTED
                .withMessage(
                    "TLS handshake on a plain-HTTP port",
                    "this registry speaks plain HTTP; the client started TLS (use http://)")
                .withStatus(400)
            : tooLarge
                ? ErrorCode.UNSUPPORTED
                    .withMessage(
                        "request headers too large",
                        "no complete header block in " + tap.bytes() + " bytes")
                    .withStatus(431)
                : ErrorCode.UNSUPPORTED
                    .withMessage(
                        "malformed HTTP request",
                        "the HTTP/1.1 parser rejected the request (RFC 9112): check the request"
                            + " line, header syntax and Content-Length")
                    .withStatus(400);
    byte[] body = ErrorHandler.body(error);
    byte[] head =
        ("HTTP/1.1 "
                + error.status()
                + (tooLarge ? " Request Header Fields Too Large" : " Bad Request")
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\nDocker-Distribution-API-Version: registry/2.0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    // A handshake is journaled as what it is, not as a binary request line.
    String[] line = tls ? new String[] {TLS_METHOD, TLS_PATH} : tap.requestLine().split(" ", 3);
    // A HEAD answer announces its body's length but carries none (RFC 9110 section 9.3.2): a
    // client that sent HEAD would read the body as the next response.
    int sent = line[0].equals("HEAD") ? 0 : body.length;
    byte[] response;
    if (tls && bareTlsReply) {
      response = body;
    } else {
      response = new byte[head.length + sent];
      System.arraycopy(head, 0, response, 0, head.length);
      System.arraycopy(body, 0, response, head.length, sent);
    }
    journal.record(
        new JournalEntry(
            sequence,
            clock.instant(),
            client,
            null,
            clip(line.length > 0 ? line[0] : ""),
            clip(line.length > 1 ? line[1] : ""),
            null,
            error.status(),
            tap.bytes(),
            response.length,
            Duration.ofNanos(System.nanoTime() - tap.startNanos()),
            tls ? "tls" : "invalid",
            null,
            error.code().name(),
            null,
            "",
            null,
            null));
    return response;
  }

  static String clip(String text) {
    return text.length() > 256 ? text.substring(0, 256) + "..." : text;
  }

  static String client(StreamConnection connection) {
    InetSocketAddress peer = connection.getPeerAddress(InetSocketAddress.class);
    return peer == null ? "" : peer.getAddress().getHostAddress() + ":" + peer.getPort();
  }
}
