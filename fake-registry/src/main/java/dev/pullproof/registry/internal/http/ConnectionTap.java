package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.journal.Journal;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.RegistryException;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpHandler;
import io.undertow.util.AttachmentKey;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.xnio.StreamConnection;

/**
 * Wraps an accepted connection's conduits so that a request Undertow refuses before any handler (a
 * bad request line, a malformed Content-Length, a header block over the limit, bytes no header may
 * hold; no Host, several, or a malformed one) is answered with the spec's JSON error and recorded
 * in the journal, like every request that reaches the handlers.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes">
 *     distribution-spec: error codes</a>
 */
final class ConnectionTap {
  private final Journal journal;
  private final Clock clock;

  /** Whether any response byte went out on the connection since the exchange reached a handler. */
  static final AttachmentKey<BooleanSupplier> ANSWERED =
      AttachmentKey.create(BooleanSupplier.class);

  /** Each open connection's tap, so that a request reaching the handlers can say so. */
  private final Map<StreamConnection, RequestHeadTap> taps = new ConcurrentHashMap<>();

  private final boolean bareTlsReply;

  /**
   * @param bareTlsReply answer a TLS handshake with the error body alone, no status line, as some
   *     proxies do (Go clients then say the first record does not look like a TLS handshake)
   */
  ConnectionTap(Journal journal, Clock clock, boolean bareTlsReply) {
    this.journal = journal;
    this.clock = clock;
    this.bareTlsReply = bareTlsReply;
  }

  void install(StreamConnection connection) {
    RequestHeadTap tap = new RequestHeadTap(connection.getSourceChannel().getConduit());
    connection.getSourceChannel().setConduit(tap);
    String client = client(connection);
    taps.put(connection, tap);
    connection
        .getSinkChannel()
        .setConduit(
            new RejectionSink(
                connection.getSinkChannel().getConduit(),
                tap,
                (rejected, why) -> answer(rejected, why, client, journal, clock, bareTlsReply),
                () -> closed(connection, tap, client)));
  }

  /**
   * {@code root}, marking each request it receives as claimed. Undertow runs its Host check before
   * the root handler, so a request that is never claimed was refused there.
   */
  HttpHandler claiming(HttpHandler root) {
    return exchange -> {
      RequestHeadTap tap =
          exchange.getConnection() instanceof AbstractServerConnection connection
              ? taps.get(connection.getChannel())
              : null;
      if (tap != null) {
        tap.claim();
        long before = tap.writes();
        exchange.putAttachment(ANSWERED, () -> tap.writes() != before);
      }
      root.handleRequest(exchange);
    };
  }

  /**
   * The connection is closing. A whole request no handler claimed and nothing answered is one the
   * Host check refused and Undertow then closed on while reading the rest of its body (malformed,
   * cut short, or chunked with the reading side already shut because the connection is not kept
   * alive) before writing its 400: too late to answer, so it is journaled as unanswered.
   */
  private void closed(StreamConnection connection, RequestHeadTap tap, String client) {
    if (taps.remove(connection) == null || !tap.unclaimedAndUnanswered()) {
      return;
    }
    journal.record(
        entry(
            journal.begin(), tap, client, clock, false, true, 0, 0, ErrorCode.UNSUPPORTED.name()));
  }

  /** How the journal writes a TLS handshake that reached a plain-HTTP port. */
  static final String TLS_METHOD = "TLS";

  static final String TLS_PATH = "(handshake)";

  private static byte[] answer(
      RequestHeadTap tap,
      Rejection rejection,
      String client,
      Journal journal,
      Clock clock,
      boolean bareTlsReply) {
    long sequence = journal.begin();
    boolean tls = rejection == Rejection.PARSER && tap.tlsHandshake();
    boolean tooLarge =
        rejection == Rejection.PARSER && tap.headBytes() > HandlerChain.MAX_HEADER_BYTES;
    RegistryException error = tls ? tlsOnPlainPort() : tooLarge ? tooLarge(tap) : error(rejection);
    byte[] body = ErrorHandler.body(error);
    byte[] head =
        ("HTTP/1.1 "
                + error.status()
                + (tooLarge ? " Request Header Fields Too Large" : " Bad Request")
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\nDocker-Distribution-API-Version: registry/2.0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    // A HEAD answer announces its body's length but carries none (RFC 9110 section 9.3.2): a
    // client that sent HEAD would read the body as the next response.
    int sent = tap.requestLine().startsWith("HEAD ") ? 0 : body.length;
    byte[] response;
    if (tls && bareTlsReply) {
      response = body;
    } else {
      response = new byte[head.length + sent];
      System.arraycopy(head, 0, response, 0, head.length);
      System.arraycopy(body, 0, response, head.length, sent);
    }
    journal.record(
        entry(
            sequence,
            tap,
            client,
            clock,
            tls,
            rejection != Rejection.PARSER,
            error.status(),
            response.length,
            error.code().name()));
    return response;
  }

  /**
   * A refused request as the journal shows it: its request line (a TLS handshake as what it is),
   * its Host lines, every byte received.
   *
   * @param lineParsed Undertow parsed the request line, so its query splits off
   */
  private static JournalEntry entry(
      long sequence,
      RequestHeadTap tap,
      String client,
      Clock clock,
      boolean tls,
      boolean lineParsed,
      int status,
      long responseBytes,
      String errorCode) {
    String[] line = tls ? new String[] {TLS_METHOD, TLS_PATH} : tap.requestLine().split(" ", 3);
    String target = line.length > 1 ? line[1] : "";
    int query = lineParsed ? target.indexOf('?') : -1;
    List<String> hosts = tls ? List.of() : tap.headerValues("Host");
    return new JournalEntry(
        sequence,
        clock.instant(),
        client,
        hosts.isEmpty() ? null : clip(String.join(", ", hosts)),
        clip(line[0]),
        clip(query < 0 ? target : target.substring(0, query)),
        query < 0 ? null : clip(target.substring(query + 1)),
        status,
        tap.bytes(),
        responseBytes,
        Duration.ofNanos(System.nanoTime() - tap.startNanos()),
        tls ? "tls" : "invalid",
        null,
        errorCode,
        null,
        String.join(", ", tap.headerValues("Accept")),
        tap.headerValues("User-Agent").stream().findFirst().orElse(null),
        null,
        null);
  }

  private static RegistryException tlsOnPlainPort() {
    return ErrorCode.UNSUPPORTED
        .withMessage(
            "TLS handshake on a plain-HTTP port",
            "this registry speaks plain HTTP; the client started TLS (use http://)")
        .withStatus(400);
  }

  private static RegistryException tooLarge(RequestHeadTap tap) {
    return ErrorCode.UNSUPPORTED
        .withMessage(
            "request headers too large",
            (tap.headComplete() ? "a header block of " : "no complete header block in ")
                + tap.headBytes()
                + " bytes; the limit is "
                + HandlerChain.MAX_HEADER_BYTES)
        .withStatus(431);
  }

  /** What the client must fix; the Host rules are RFC 9112 section 3.2 and RFC 9110 7.2. */
  private static RegistryException error(Rejection rejection) {
    String[] what =
        switch (rejection) {
          case PARSER ->
              new String[] {
                "malformed HTTP request",
                "the HTTP/1.1 parser rejected the request (RFC 9112): check the request line,"
                    + " header syntax and Content-Length"
              };
          case NO_HOST ->
              new String[] {
                "no Host header",
                "an HTTP/1.1 request must carry exactly one Host header (RFC 9112 section 3.2)"
              };
          case SEVERAL_HOSTS ->
              new String[] {
                "several Host headers",
                "an HTTP/1.1 request must carry exactly one Host header (RFC 9112 section 3.2);"
                    + " send one"
              };
          case MALFORMED_HOST ->
              new String[] {
                "malformed Host header",
                "the Host must be host[:port] with a port of 1 to 65535 and no characters a URI"
                    + " host may not hold, and agree with an absolute request target (RFC 9110"
                    + " section 7.2)"
              };
        };
    return ErrorCode.UNSUPPORTED.withMessage(what[0], what[1]).withStatus(400);
  }

  static String clip(String text) {
    return text.length() > 256 ? text.substring(0, 256) + "..." : text;
  }

  static String client(StreamConnection connection) {
    InetSocketAddress peer = connection.getPeerAddress(InetSocketAddress.class);
    return peer == null ? "" : peer.getAddress().getHostAddress() + ":" + peer.getPort();
  }
}
