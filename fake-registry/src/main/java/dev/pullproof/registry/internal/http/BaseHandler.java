package dev.pullproof.registry.internal.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * {@code GET /v2/}: the version check, answered once the request passed authentication.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#determining-support">
 *     distribution-spec: determining support</a>
 */
final class BaseHandler implements HttpHandler {
  @Override
  public void handleRequest(HttpServerExchange exchange) {
    Responses.json(exchange, 200, Responses.JSON.createObjectNode());
  }
}
