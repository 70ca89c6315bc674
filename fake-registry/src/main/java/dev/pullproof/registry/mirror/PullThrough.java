package dev.pullproof.registry.mirror;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.content.ManifestParser;
import dev.pullproof.registry.content.RegistryContent;
import dev.pullproof.registry.content.Repository;
import dev.pullproof.registry.content.StoredManifest;
import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.AcceptHeader;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.MediaTypes;
import dev.pullproof.registry.protocol.Reference;
import dev.pullproof.registry.protocol.RegistryException;
import dev.pullproof.registry.protocol.RepositoryName;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pull-through mirror's content: manifest and blob reads (GET and HEAD) of what the registry does
 * not hold are fetched from the upstream over HTTP, stored, then served as if pushed; a second pull
 * never reaches the upstream. A tag fetched once is not revalidated. Repositories outside {@link
 * MirrorConfig#repositories()} are NAME_UNKNOWN, blobs of a manifests-only mirror BLOB_UNKNOWN, and
 * an upstream 404 passes on as the upstream's error code. Other routes (tags, catalog, push) see
 * only local content. Parallel requests for one missing item make one upstream fetch.
 *
 * <p>A step of the handler chain behind authentication: the mirror's own auth applies first, and
 * {@code next} (the endpoint) then answers from content as if it had been pushed.
 *
 * @see <a href="https://distribution.github.io/distribution/recipes/mirror/">distribution's
 *     pull-through cache</a>
 */
final class PullThrough implements HttpHandler {
  private static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
  private static final String ANY_MANIFEST =
      String.join(", ", MediaTypes.MANIFESTS.stream().sorted().toList());

  private final MirrorConfig config;
  private final RegistryContent content;
  private final UpstreamClient upstream;
  private final HttpHandler next;
  private final ObjectMapper json = new ObjectMapper();
  // One fetch per missing item at a time: parallel requests for it wait and then find it stored.
  private final Map<String, Object> fetching = new ConcurrentHashMap<>();

  PullThrough(MirrorConfig config, RegistryContent content, HttpHandler next) {
    this.config = config;
    this.content = content;
    this.upstream = new UpstreamClient(config);
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String method = exchange.getRequestMethod().toString();
    if (method.equals("GET") || method.equals("HEAD")) {
      fill(exchange.getAttachment(Exchanges.ROUTE), exchange);
    }
    next.handleRequest(exchange);
  }

  /** Makes the content the route names present locally, or throws the mirror's refusal. */
  private void fill(Route route, HttpServerExchange exchange) throws IOException {
    if (route instanceof Route.Manifest manifest) {
      var values = exchange.getRequestHeaders().get(Headers.ACCEPT);
      List<String> accept = values == null ? List.of() : List.copyOf(values);
      synchronized (lockFor(manifest.repository() + "/manifests/" + manifest.reference())) {
        manifest(manifest, accept);
      }
    } else if (route instanceof Route.Blob blob) {
      synchronized (lockFor(blob.repository() + "/blobs/" + blob.digest())) {
        blob(blob);
      }
    }
  }

  private Object lockFor(String key) {
    return fetching.computeIfAbsent(key, k -> new Object());
  }

  private void manifest(Route.Manifest route, List<String> acceptValues) throws IOException {
    AcceptHeader accept = AcceptHeader.parse(acceptValues);
    if (content.existing(route.repository()).map(r -> resolves(r, route, accept)).orElse(false)) {
      return;
    }
    requireMirrored(route.repository());
    String path = "/v2/" + route.repository() + "/manifests/" + route.reference();
    HttpResponse<InputStream> response =
        upstream.get(
            path,
            acceptValues.isEmpty() ? ANY_MANIFEST : String.join(", ", acceptValues),
            route.repository());
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_MANIFEST_BYTES + 1);
    }
    if (response.statusCode() != 200) {
      throw upstreamRefused(path, response.statusCode(), body, ErrorCode.MANIFEST_UNKNOWN);
    }
    StoredManifest manifest =
        ManifestParser.parse(body, response.headers().firstValue("Content-Type").orElse(null));
    if (route.reference() instanceof Reference.ByDigest byDigest
        && !byDigest.digest().equals(manifest.digest())) {
      throw UpstreamClient.failed(path + " hashes to " + manifest.digest());
    }
    // Stored without its blobs: a mirror fetches those only when a client asks for them.
    Repository repository = content.repository(route.repository());
    repository.putManifest(manifest);
    if (route.reference() instanceof Reference.Tag tag) {
      repository.addRepresentation(tag.name(), manifest.digest());
    }
  }

  private void blob(Route.Blob route) throws IOException {
    Digest digest = route.digest();
    boolean linked = content.existing(route.repository()).map(r -> r.hasBlob(digest)).orElse(false);
    if (linked && content.blobs().contains(digest)) {
      return;
    }
    requireMirrored(route.repository());
    if (config.carries() == MirrorConfig.Carries.MANIFESTS_ONLY) {
      throw ErrorCode.BLOB_UNKNOWN.exception(
          route.repository() + "@" + digest + ": this mirror carries manifests only");
    }
    String path = "/v2/" + route.repository() + "/blobs/" + digest;
    HttpResponse<InputStream> response = upstream.get(path, null, route.repository());
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw upstreamRefused(
            path, response.statusCode(), in.readNBytes(64 * 1024), ErrorCode.BLOB_UNKNOWN);
      }
      Digest actual = content.blobs().put(in);
      if (!actual.equals(digest)) {
        throw UpstreamClient.failed(path + " sent content hashing to " + actual);
      }
    }
    content.repository(route.repository()).linkBlob(digest);
  }

  private void requireMirrored(RepositoryName repository) {
    if (!config.mirrors(repository)) {
      throw ErrorCode.NAME_UNKNOWN.exception(
          repository + " is not mirrored here (mirrored: " + config.repositories() + ")");
    }
  }

  private static boolean resolves(
      Repository repository, Route.Manifest route, AcceptHeader accept) {
    try {
      repository.resolve(route.reference(), accept);
      return true;
    } catch (RegistryException missing) {
      return false;
    }
  }

  /** An upstream 404 keeps its spec code; any other refusal is the mirror's 502. */
  private RegistryException upstreamRefused(
      String path, int status, byte[] body, ErrorCode fallback) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (status == 404) {
      ErrorCode code = fallback;
      try {
        code = ErrorCode.valueOf(json.readTree(body).path("errors").path(0).path("code").asText());
      } catch (IOException | IllegalArgumentException notSpecBody) {
        // Not a spec error body: keep the fallback code.
      }
      return code.exception("upstream " + config.upstream() + path + ": " + text.strip());
    }
    return UpstreamClient.failed(
        "GET " + config.upstream() + path + " answered " + status + ": " + text.strip());
  }
}
