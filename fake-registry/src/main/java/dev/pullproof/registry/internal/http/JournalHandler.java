package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.journal.Journal;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Outermost handler: records each request in the journal when its exchange completes, so the entry
 * carries the final status, the body bytes truly received and sent, and whatever later handlers
 * attached.
 */
final class JournalHandler implements HttpHandler {
  private final Journal journal;
  private final Clock clock;
  private final HttpHandler next;

  JournalHandler(Journal journal, Clock clock, HttpHandler next) {
    this.journal = journal;
    this.clock = clock;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    long sequence = journal.begin();
    Instant start = clock.instant();
    long startNanos = System.nanoTime();
    AtomicLong received = new AtomicLong();
    exchange.addRequestWrapper((factory, ex) -> new BodyCounter(factory.create(), received));
    exchange.addExchangeCompleteListener(
        (ex, nextListener) -> {
          try {
            journal.record(
                entry(
                    ex,
                    sequence,
                    start,
                    Duration.ofNanos(System.nanoTime() - startNanos),
                    received.get()));
          } finally {
            nextListener.proceed();
          }
        });
    next.handleRequest(exchange);
  }

  /**
   * The status answered, or 0 when no byte of a response reached the connection: Undertow's chunk
   * decoder closes it on malformed framing, ending the exchange with a status never sent.
   */
  private static int status(HttpServerExchange ex) {
    BooleanSupplier answered = ex.getAttachment(ConnectionTap.ANSWERED);
    return answered != null && !answered.getAsBoolean() ? 0 : ex.getStatusCode();
  }

  private static JournalEntry entry(
      HttpServerExchange ex, long sequence, Instant start, Duration duration, long received) {
    Route route = ex.getAttachment(Exchanges.ROUTE);
    InetSocketAddress peer = ex.getSourceAddress();
    return new JournalEntry(
        sequence,
        start,
        peer == null ? "" : peer.getAddress().getHostAddress() + ":" + peer.getPort(),
        ex.getRequestHeaders().getFirst(Headers.HOST),
        ex.getRequestMethod().toString(),
        ex.getRequestPath(),
        ex.getQueryString(),
        status(ex),
        received,
        ex.getResponseBytesSent(),
        duration,
        route == null ? "invalid" : route.kind(),
        route == null || route.repository() == null ? null : route.repository().value(),
        ex.getAttachment(Exchanges.ERROR_CODE),
        Exchanges.principal(ex),
        String.join(
            ", ",
            ex.getRequestHeaders().get(Headers.ACCEPT) == null
                ? java.util.List.of()
                : ex.getRequestHeaders().get(Headers.ACCEPT)),
        ex.getRequestHeaders().getFirst(Headers.USER_AGENT),
        ex.getAttachment(Exchanges.FAULT),
        ex.getAttachment(Exchanges.REPLAY));
  }
}
