package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.content.RegistryContent;
import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.HashMap;
import java.util.Map;

/**
 * The end of the chain: hands the request to the one handler of its route. Every endpoint runs on a
 * worker thread with the exchange in blocking mode, and throws RegistryException for errors.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#endpoints">
 *     distribution-spec: endpoints</a>
 */
final class EndpointHandler implements HttpHandler {
  private final Map<Class<? extends Route>, HttpHandler> endpoints = new HashMap<>();

  /**
   * @param tokenEndpoint serves {@link Route.Token}; null when this server hosts no token service
   *     (the route parser then never yields that route)
   */
  EndpointHandler(
      RegistryContent content,
      int workerThreads,
      boolean lenientManifests,
      HttpHandler tokenEndpoint) {
    UploadHandler uploads = new UploadHandler(content);
    endpoints.put(Route.Base.class, new BaseHandler());
    endpoints.put(Route.Catalog.class, new CatalogHandler(content));
    endpoints.put(Route.Manifest.class, new ManifestHandler(content, lenientManifests));
    endpoints.put(Route.Blob.class, new BlobHandler(content, new BlobStreamer(workerThreads)));
    endpoints.put(Route.UploadStart.class, uploads);
    endpoints.put(Route.Upload.class, uploads);
    endpoints.put(Route.TagsList.class, new TagsHandler(content));
    endpoints.put(Route.Referrers.class, new ReferrersHandler(content));
    if (tokenEndpoint != null) {
      endpoints.put(Route.Token.class, tokenEndpoint);
    }
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    endpoints.get(Exchanges.route(exchange).getClass()).handleRequest(exchange);
  }
}
