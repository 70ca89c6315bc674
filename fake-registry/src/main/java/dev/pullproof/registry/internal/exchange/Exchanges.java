package dev.pullproof.registry.internal.exchange;

import dev.pullproof.registry.protocol.Principal;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

/**
 * What the handler chain learns about a request, attached to its exchange so later handlers and the
 * journal (which records on completion) can read it. It sits below the handlers, auth, faults, hub
 * and mirror, so each of them can write what it learns without knowing the others.
 */
public final class Exchanges {
  /** The parsed route; absent when the path did not parse. */
  public static final AttachmentKey<Route> ROUTE = AttachmentKey.create(Route.class);

  /** Who the request authenticated as (set by authenticators and the token endpoint). */
  public static final AttachmentKey<Principal> PRINCIPAL = AttachmentKey.create(Principal.class);

  /** The spec error code the request was answered with, if any. */
  public static final AttachmentKey<String> ERROR_CODE = AttachmentKey.create(String.class);

  /** The injected fault that fired on the request, as the journal shows it. */
  public static final AttachmentKey<String> FAULT = AttachmentKey.create(String.class);

  /** How a replayed registry answered: from which recorded exchange, or why not from one. */
  public static final AttachmentKey<String> REPLAY = AttachmentKey.create(String.class);

  private Exchanges() {}

  public static Principal principal(HttpServerExchange exchange) {
    Principal p = exchange.getAttachment(PRINCIPAL);
    return p == null ? Principal.ANONYMOUS : p;
  }

  /** The parsed route; only for handlers behind the route parsing, where it is always present. */
  public static Route route(HttpServerExchange exchange) {
    return exchange.getAttachment(ROUTE);
  }
}
