package dev.pullproof.registry.http;

import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;

/**
 * Where the content a request names comes from. The default serves the registry's own content; a
 * pull-through mirror fetches what is missing from its upstream first, or refuses what it does not
 * carry. Called after authentication, before the route's endpoint, on a worker thread.
 */
public interface ContentSource {
  /** Only what the registry already holds. */
  ContentSource LOCAL = (route, exchange) -> {};

  /**
   * Makes the content {@code route} names present in the registry's content, or throws a
   * RegistryException; returning without storing anything lets the endpoint answer as usual.
   */
  void prepare(Route route, HttpServerExchange exchange) throws IOException;
}
