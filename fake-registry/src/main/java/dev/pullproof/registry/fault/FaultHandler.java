package dev.pullproof.registry.fault;

import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.time.Duration;
import java.util.List;

/**
 * Evaluates the rules on each parsed request, before authentication (so token requests are faulted
 * too), and applies the first that fires; {@code next} runs unless the fault answered the request.
 */
final class FaultHandler implements HttpHandler {
  private final Faults faults;
  private final FaultApplier applier;
  private final HttpHandler next;

  FaultHandler(Faults faults, HttpHandler next) {
    this.faults = faults;
    this.applier = new FaultApplier(faults);
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (!answered(exchange, exchange.getAttachment(Exchanges.ROUTE))) {
      next.handleRequest(exchange);
    }
  }

  private boolean answered(HttpServerExchange exchange, Route route) throws Exception {
    List<ActiveRule> rules = faults.active();
    if (rules.isEmpty()) {
      return false;
    }
    RequestFacts facts = facts(exchange, route);
    Duration sinceStart = faults.sinceStart();
    for (ActiveRule rule : rules) {
      ActiveRule.Fired fired = rule.decide(facts, sinceStart);
      if (fired != null) {
        exchange.putAttachment(Exchanges.FAULT, fired.description());
        return applier.apply(exchange, fired.fault());
      }
    }
    return false;
  }

  private static RequestFacts facts(HttpServerExchange exchange, Route route) {
    String method = exchange.getRequestMethod().toString();
    String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
    String reference = null;
    if (route instanceof Route.Manifest manifest) {
      reference = manifest.reference().toString();
    } else if (route instanceof Route.Blob blob) {
      reference = blob.digest().toString();
    }
    return new RequestFacts(
        host == null ? "" : host,
        method,
        RouteKind.of(route, method),
        route.repository() == null ? null : route.repository().value(),
        reference,
        name -> exchange.getRequestHeaders().getFirst(name));
  }
}
