package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.ErrorCode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;

/**
 * Stamps the API version header, refuses oversized header blocks (431), then parses the path once
 * into a typed route and attaches it for every later handler. Parsing comes before faults and
 * authentication because both decide by the route: a path outside the API is NOT_FOUND before
 * either runs.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#endpoints">
 *     distribution-spec endpoints</a>
 */
final class RouteParsingHandler implements HttpHandler {
  static final HttpString API_VERSION = HttpString.tryFromString("Docker-Distribution-API-Version");

  private final RouteParser parser;
  private final HttpHandler next;

  RouteParsingHandler(RouteParser parser, HttpHandler next) {
    this.parser = parser;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    exchange.getResponseHeaders().put(API_VERSION, "registry/2.0");
    checkHeaderSize(exchange);
    exchange.putAttachment(
        Exchanges.ROUTE,
        parser.parse(exchange.getRequestMethod().toString(), exchange.getRequestPath()));
    next.handleRequest(exchange);
  }

  private static void checkHeaderSize(HttpServerExchange exchange) {
    long bytes = 0;
    for (HeaderValues values : exchange.getRequestHeaders()) {
      for (String value : values) {
        bytes += values.getHeaderName().length() + value.length() + 4;
      }
    }
    if (bytes > HandlerChain.MAX_HEADER_BYTES) {
      throw ErrorCode.UNSUPPORTED
          .withMessage(
              "request headers too large", bytes + " bytes, limit " + HandlerChain.MAX_HEADER_BYTES)
          .withStatus(431);
    }
  }
}
