package dev.pullproof.registry.hub;

import dev.pullproof.registry.http.RouteFilter;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.Principal;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Applies {@link RateLimits}: the abuse limit before authentication, pull limits after it. */
final class RateLimitFilter implements RouteFilter {
  private static final HttpString LIMIT = HttpString.tryFromString("ratelimit-limit");
  private static final HttpString REMAINING = HttpString.tryFromString("ratelimit-remaining");
  private static final HttpString SOURCE = HttpString.tryFromString("docker-ratelimit-source");

  private final RateLimits limits;
  private final Clock clock;
  private final Map<String, SlidingWindow> pulls = new ConcurrentHashMap<>();
  private final Map<String, SlidingWindow> requests = new ConcurrentHashMap<>();

  RateLimitFilter(RateLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  @Override
  public boolean beforeAuth(HttpServerExchange exchange, Route route) {
    if (limits.abuseLimit() == RateLimits.UNLIMITED) {
      return false;
    }
    SlidingWindow window =
        requests.computeIfAbsent(address(exchange), k -> new SlidingWindow(limits.abuseWindow()));
    if (window.tryAcquire(clock.instant(), limits.abuseLimit())) {
      return false;
    }
    // The abuse limit answers before the API does: no spec error body, no API headers.
    exchange.getResponseHeaders().clear();
    exchange.setStatusCode(429);
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
    if (limits.retryAfter() != null) {
      exchange.getResponseHeaders().put(Headers.RETRY_AFTER, limits.retryAfter().toSeconds());
    }
    exchange.endExchange();
    return true;
  }

  @Override
  public void afterAuth(HttpServerExchange exchange, Route route, Principal principal) {
    String method = exchange.getRequestMethod().toString();
    if (!limits.limitsPulls()
        || !(route instanceof Route.Manifest)
        || !(method.equals("GET") || method.equals("HEAD"))) {
      return;
    }
    boolean anonymous = isAnonymous(principal);
    int limit = anonymous ? limits.anonymousLimit() : limits.authenticatedLimit();
    if (limit == RateLimits.UNLIMITED) {
      return;
    }
    String source = anonymous ? address(exchange) : principal.identity();
    SlidingWindow window =
        pulls.computeIfAbsent(
            (anonymous ? "address " : "user ") + source, k -> new SlidingWindow(limits.window()));
    Instant now = clock.instant();
    String w = ";w=" + limits.window().toSeconds();
    if (method.equals("GET") && !window.tryAcquire(now, limit)) {
      var error =
          ErrorCode.TOOMANYREQUESTS
              .withMessage(limits.message(), null)
              .withHeader(LIMIT.toString(), limit + w)
              .withHeader(REMAINING.toString(), 0 + w)
              .withHeader(SOURCE.toString(), source);
      if (limits.retryAfter() != null) {
        error.withHeader("Retry-After", Long.toString(limits.retryAfter().toSeconds()));
      }
      throw error;
    }
    exchange.getResponseHeaders().put(LIMIT, limit + w);
    exchange.getResponseHeaders().put(REMAINING, window.remaining(now, limit) + w);
    exchange.getResponseHeaders().put(SOURCE, source);
  }

  private static boolean isAnonymous(Principal principal) {
    return principal.scheme().equals("none")
        || principal.identity().isEmpty()
        || principal.identity().equals(Principal.ANONYMOUS.identity());
  }

  private static String address(HttpServerExchange exchange) {
    InetSocketAddress peer = exchange.getSourceAddress();
    return peer == null ? "unknown" : peer.getAddress().getHostAddress();
  }
}
