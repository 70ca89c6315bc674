package dev.pullproof.registry.http;

import io.undertow.server.HttpServerExchange;
import java.io.IOException;

/** One endpoint of the API; runs on a worker thread with the exchange in blocking mode. */
interface RouteHandler {
  void handle(HttpServerExchange exchange) throws IOException;
}
