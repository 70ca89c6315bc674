package dev.pullproof.registry.hub;

import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.Principal;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Docker Hub's pull rate limit, after authentication (it counts per user, or per address when
 * anonymous): manifest GETs count, HEADs do not, and both carry the {@code ratelimit-*} headers. A
 * GET past the limit is TOOMANYREQUESTS (429) and {@code next} never runs.
 *
 * @see <a href="https://docs.docker.com/docker-hub/usage/pulls/">Docker Hub pull usage and
 *     limits</a>
 */
final class PullLimitHandler implements HttpHandler {
  private static final HttpString LIMIT = HttpString.tryFromString("ratelimit-limit");
  private static final HttpString REMAINING = HttpString.tryFromString("ratelimit-remaining");
  private static final HttpString SOURCE = HttpString.tryFromString("docker-ratelimit-source");

  private final RateLimits limits;
  private final Clock clock;
  private final HttpHandler next;
  private final Map<String, SlidingWindow> pulls = new ConcurrentHashMap<>();

  PullLimitHandler(RateLimits limits, Clock clock, HttpHandler next) {
    this.limits = limits;
    this.clock = clock;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String method = exchange.getRequestMethod().toString();
    if (limits.limitsPulls()
        && exchange.getAttachment(Exchanges.ROUTE) instanceof Route.Manifest
        && (method.equals("GET") || method.equals("HEAD"))) {
      count(exchange, method, Exchanges.principal(exchange));
    }
    next.handleRequest(exchange);
  }

  private void count(HttpServerExchange exchange, String method, Principal principal) {
    boolean anonymous = isAnonymous(principal);
    int limit = anonymous ? limits.anonymousLimit() : limits.authenticatedLimit();
    if (limit == RateLimits.UNLIMITED) {
      return;
    }
    String source = anonymous ? AbuseLimitHandler.address(exchange) : principal.identity();
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
}
