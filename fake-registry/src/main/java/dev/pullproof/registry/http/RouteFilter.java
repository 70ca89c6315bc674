package dev.pullproof.registry.http;

import dev.pullproof.registry.protocol.Principal;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpServerExchange;

/**
 * A hook {@link RoutingHandler} calls around authentication, for behaviour that is not an endpoint:
 * injected faults, rate limits. Filters run on a worker thread in blocking mode; they may throw a
 * {@code RegistryException} (rendered as a spec error), wrap the response, or answer the exchange.
 */
public interface RouteFilter {
  /**
   * Called once the path is parsed, before the method check and authentication (so it also sees
   * token endpoint requests).
   *
   * @return true when the filter answered the exchange itself and nothing else may run
   */
  default boolean beforeAuth(HttpServerExchange exchange, Route route) throws Exception {
    return false;
  }

  /** Called after authentication succeeded, before the endpoint (not for the token endpoint). */
  default void afterAuth(HttpServerExchange exchange, Route route, Principal principal)
      throws Exception {}
}
