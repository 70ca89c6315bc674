package dev.pullproof.registry.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullproof.registry.content.RegistryContent;
import dev.pullproof.registry.content.StoredManifest;
import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.MediaTypes;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.List;

/**
 * {@code GET /v2/<name>/referrers/<digest>[?artifactType=]} (OCI distribution 1.1): an OCI index of
 * the manifests whose {@code subject} is that digest, each descriptor with its artifact type (or
 * its config's media type) and its annotations, as the spec's "listing referrers" requires.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#listing-referrers">
 *     distribution-spec: listing referrers</a>
 */
final class ReferrersHandler implements HttpHandler {
  private final RegistryContent content;

  ReferrersHandler(RegistryContent content) {
    this.content = content;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    Route.Referrers route = (Route.Referrers) exchange.getAttachment(Exchanges.ROUTE);
    String filter = Responses.query(exchange, "artifactType");
    List<StoredManifest> all =
        content.existing(route.repository()).map(r -> r.manifests()).orElse(List.of());
    ObjectNode index = Responses.JSON.createObjectNode();
    index.put("schemaVersion", 2);
    index.put("mediaType", MediaTypes.OCI_INDEX);
    ArrayNode manifests = index.putArray("manifests");
    for (StoredManifest m : all) {
      if (route.digest().toString().equals(m.subject())
          && (filter == null || filter.equals(artifactType(m, parsed(m))))) {
        ObjectNode d = manifests.addObject();
        d.put("mediaType", m.mediaType());
        d.put("digest", m.digest().toString());
        d.put("size", m.content().length);
        JsonNode body = parsed(m);
        String artifactType = artifactType(m, body);
        if (artifactType != null) {
          d.put("artifactType", artifactType);
        }
        if (body.path("annotations").isObject()) {
          d.set("annotations", body.get("annotations"));
        }
      }
    }
    if (filter != null) {
      // Spec: "If filtering is requested and applied, the response MUST include" this header.
      exchange
          .getResponseHeaders()
          .put(HttpString.tryFromString("OCI-Filters-Applied"), "artifactType");
    }
    Responses.bytes(
        exchange,
        200,
        MediaTypes.OCI_INDEX,
        index.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * The spec's rule: the manifest's {@code artifactType}; failing that, for an image manifest, its
   * config's media type; for an index, none.
   */
  private static String artifactType(StoredManifest m, JsonNode body) {
    if (m.artifactType() != null && !m.artifactType().isEmpty()) {
      return m.artifactType();
    }
    JsonNode configType = body.path("config").path("mediaType");
    return MediaTypes.INDEXES.contains(m.mediaType()) || !configType.isTextual()
        ? null
        : configType.asText();
  }

  private static JsonNode parsed(StoredManifest m) {
    try {
      return Responses.JSON.readTree(m.content());
    } catch (java.io.IOException e) {
      // Stored manifests were parsed on push; this cannot fail, but must not answer 500.
      return Responses.JSON.createObjectNode();
    }
  }
}
