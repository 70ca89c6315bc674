package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.content.ManifestParser;
import dev.pullproof.registry.content.RegistryContent;
import dev.pullproof.registry.content.Repository;
import dev.pullproof.registry.content.StoredManifest;
import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.AcceptHeader;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.Reference;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;

/**
 * {@code /v2/<name>/manifests/<reference>}: GET and HEAD with Accept negotiation, PUT, DELETE.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests">
 *     pulling manifests</a>
 */
final class ManifestHandler implements HttpHandler {
  static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
  private final RegistryContent content;
  private final boolean lenient;

  ManifestHandler(RegistryContent content, boolean lenient) {
    this.content = content;
    this.lenient = lenient;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws IOException {
    Route.Manifest route = (Route.Manifest) exchange.getAttachment(Exchanges.ROUTE);
    switch (exchange.getRequestMethod().toString()) {
      case "PUT" -> put(exchange, route);
      case "DELETE" -> delete(exchange, route);
      default -> get(exchange, route);
    }
  }

  private void get(HttpServerExchange exchange, Route.Manifest route) {
    Repository repo = existing(route);
    AcceptHeader accept =
        AcceptHeader.parse(
            exchange.getRequestHeaders().get(Headers.ACCEPT) == null
                ? java.util.List.of()
                : exchange.getRequestHeaders().get(Headers.ACCEPT));
    StoredManifest manifest = repo.resolve(route.reference(), accept);
    exchange.getResponseHeaders().put(Responses.CONTENT_DIGEST, manifest.digest().toString());
    exchange.getResponseHeaders().put(Headers.ETAG, "\"" + manifest.digest() + "\"");
    Responses.bytes(exchange, 200, manifest.mediaType(), manifest.content());
  }

  private void put(HttpServerExchange exchange, Route.Manifest route) throws IOException {
    long declared = exchange.getRequestContentLength();
    byte[] body =
        declared > MAX_MANIFEST_BYTES ? null : Responses.readBody(exchange, MAX_MANIFEST_BYTES);
    if (body == null) {
      exchange.setPersistent(false);
      throw ErrorCode.MANIFEST_INVALID
          .exception("manifest larger than " + MAX_MANIFEST_BYTES + " bytes")
          .withStatus(413);
    }
    // A manifest pushed by digest is known by that digest's algorithm (spec: pushing manifests,
    // "Docker-Content-Digest ... MUST be equal to the client provided digest").
    String algorithm =
        route.reference() instanceof Reference.ByDigest byDigest
            ? byDigest.digest().algorithm()
            : "sha256";
    StoredManifest manifest =
        ManifestParser.parse(
            body, exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE), algorithm);
    if (route.reference() instanceof Reference.ByDigest byDigest
        && !byDigest.digest().equals(manifest.digest())) {
      throw ErrorCode.DIGEST_INVALID.exception(
          "manifest hashes to " + manifest.digest() + ", the URL says " + byDigest.digest());
    }
    content.putManifest(route.repository(), manifest, lenient);
    if (route.reference() instanceof Reference.Tag tag) {
      content.repository(route.repository()).tag(tag.name(), manifest.digest());
    } else {
      tagByQuery(exchange, route, manifest);
    }
    exchange.getResponseHeaders().put(Responses.CONTENT_DIGEST, manifest.digest().toString());
    exchange
        .getResponseHeaders()
        .put(Headers.LOCATION, "/v2/" + route.repository() + "/manifests/" + manifest.digest());
    if (manifest.subject() != null) {
      exchange
          .getResponseHeaders()
          .put(HttpString.tryFromString("OCI-Subject"), manifest.subject());
    }
    Responses.empty(exchange, 201);
  }

  /**
   * {@code PUT .../manifests/<digest>?tag=a&tag=b}: tags each and answers one {@code OCI-Tag} per
   * accepted tag (spec: pushing manifests, end-7b). A malformed tag is TAG_INVALID, nothing tagged.
   */
  private void tagByQuery(HttpServerExchange exchange, Route.Manifest route, StoredManifest m) {
    var tags = exchange.getQueryParameters().get("tag");
    if (tags == null || tags.isEmpty()) {
      return;
    }
    java.util.List<String> names = new java.util.ArrayList<>();
    for (String tag : tags) {
      if (!(Reference.parse(tag) instanceof Reference.Tag valid)) {
        throw ErrorCode.TAG_INVALID.exception("?tag=" + tag + " is not a tag");
      }
      names.add(valid.name());
    }
    for (String name : names) {
      content.repository(route.repository()).tag(name, m.digest());
      exchange.getResponseHeaders().add(HttpString.tryFromString("OCI-Tag"), name);
    }
  }

  private void delete(HttpServerExchange exchange, Route.Manifest route) {
    Repository repo = existing(route);
    boolean removed =
        route.reference() instanceof Reference.ByDigest byDigest
            ? repo.removeManifest(byDigest.digest())
            : repo.removeTag(route.reference().toString());
    if (!removed) {
      throw ErrorCode.MANIFEST_UNKNOWN.exception(route.repository() + ":" + route.reference());
    }
    Responses.empty(exchange, 202);
  }

  private Repository existing(Route.Manifest route) {
    return content
        .existing(route.repository())
        .orElseThrow(() -> ErrorCode.NAME_UNKNOWN.exception(route.repository().value()));
  }
}
