package dev.pullproof.registry.http;

import io.undertow.server.HttpServerExchange;

/** {@code GET /v2/}: the version check, answered once the request passed authentication. */
final class BaseHandler implements RouteHandler {
  @Override
  public void handle(HttpServerExchange exchange) {
    Responses.json(exchange, 200, Responses.JSON.createObjectNode());
  }
}
