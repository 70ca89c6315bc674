package dev.pullproof.registry.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullproof.registry.content.RegistryContent;
import dev.pullproof.registry.protocol.RepositoryName;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * {@code GET /v2/_catalog?n=&last=}: repository names in lexical order.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/api/#listing-repositories">
 *     distribution API: listing repositories</a>
 */
final class CatalogHandler implements HttpHandler {
  private final RegistryContent content;

  CatalogHandler(RegistryContent content) {
    this.content = content;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    var names = content.repositoryNames().stream().map(RepositoryName::value).toList();
    ObjectNode body = Responses.JSON.createObjectNode();
    Pagination.page(exchange, names, "/v2/_catalog").forEach(body.putArray("repositories")::add);
    Responses.json(exchange, 200, body);
  }
}
