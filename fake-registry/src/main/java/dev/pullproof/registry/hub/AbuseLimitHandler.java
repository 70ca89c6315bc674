package dev.pullproof.registry.hub;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Docker Hub's abuse limit, before authentication: requests of any kind per source address. Beyond
 * it the answer is a bare 429 (no spec error body, no API headers), and {@code next} never runs.
 */
final class AbuseLimitHandler implements HttpHandler {
  private final RateLimits limits;
  private final Clock clock;
  private final HttpHandler next;
  private final Map<String, SlidingWindow> requests = new ConcurrentHashMap<>();

  AbuseLimitHandler(RateLimits limits, Clock clock, HttpHandler next) {
    this.limits = limits;
    this.clock = clock;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (limits.abuseLimit() == RateLimits.UNLIMITED || admitted(exchange)) {
      next.handleRequest(exchange);
      return;
    }
    exchange.getResponseHeaders().clear();
    exchange.setStatusCode(429);
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
    if (limits.retryAfter() != null) {
      exchange.getResponseHeaders().put(Headers.RETRY_AFTER, limits.retryAfter().toSeconds());
    }
    exchange.endExchange();
  }

  private boolean admitted(HttpServerExchange exchange) {
    SlidingWindow window =
        requests.computeIfAbsent(address(exchange), k -> new SlidingWindow(limits.abuseWindow()));
    return window.tryAcquire(clock.instant(), limits.abuseLimit());
  }

  /** The client's address, the key Hub counts anonymous clients by. */
  static String address(HttpServerExchange exchange) {
    InetSocketAddress peer = exchange.getSourceAddress();
    return peer == null ? "unknown" : peer.getAddress().getHostAddress();
  }
}
