package dev.pullproof.registry.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullproof.registry.content.RegistryContent;
import dev.pullproof.registry.content.Repository;
import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * {@code GET /v2/<name>/tags/list?n=&last=}: tags in lexical order.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#listing-tags">
 *     distribution-spec: listing tags</a>
 */
final class TagsHandler implements HttpHandler {
  private final RegistryContent content;

  TagsHandler(RegistryContent content) {
    this.content = content;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    Route.TagsList route = (Route.TagsList) exchange.getAttachment(Exchanges.ROUTE);
    Repository repo =
        content
            .existing(route.repository())
            .orElseThrow(() -> ErrorCode.NAME_UNKNOWN.exception(route.repository().value()));
    ObjectNode body = Responses.JSON.createObjectNode();
    body.put("name", route.repository().value());
    Pagination.page(exchange, repo.tags(), exchange.getRequestPath())
        .forEach(body.putArray("tags")::add);
    Responses.json(exchange, 200, body);
  }
}
