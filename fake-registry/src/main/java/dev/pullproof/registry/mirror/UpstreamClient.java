package dev.pullproof.registry.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.RegistryException;
import dev.pullproof.registry.protocol.RepositoryName;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The mirror's HTTP client for its upstream: a GET that answers the upstream's challenge the way
 * registry clients do (Basic with the mirror's credentials, or a token from the Bearer realm for
 * the challenged scope), so the upstream's journal shows exactly what a real mirror would send.
 *
 * @see <a
 *     href="https://github.com/distribution/distribution/blob/main/docs/content/spec/auth/token.md">token
 *     authentication</a>
 */
final class UpstreamClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final MirrorConfig config;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  UpstreamClient(MirrorConfig config) {
    this.config = config;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL);
    if (config.trust() != null) {
      builder.sslContext(config.trust());
    }
    this.http = builder.build();
  }

  /**
   * {@code GET path} at the upstream, authenticating when challenged. The caller closes the body.
   *
   * @param accept the Accept header to send, or null
   */
  HttpResponse<InputStream> get(String path, String accept, RepositoryName repository)
      throws IOException {
    URI uri = config.upstream().resolve(path);
    HttpResponse<InputStream> first = send(uri, accept, null);
    if (first.statusCode() != 401) {
      return first;
    }
    String header = first.headers().firstValue("WWW-Authenticate").orElse(null);
    first.body().close();
    Challenge challenge = Challenge.parse(header);
    String authorization =
        switch (challenge.scheme()) {
          case "basic" -> basic();
          case "bearer" -> "Bearer " + token(challenge, repository);
          default -> throw failed("GET " + uri + " challenged with unknown scheme: " + header);
        };
    return send(uri, accept, authorization);
  }

  private String token(Challenge challenge, RepositoryName repository) throws IOException {
    String realm = challenge.parameter("realm");
    if (realm == null) {
      throw failed("the upstream's Bearer challenge names no realm");
    }
    String scope = challenge.parameter("scope");
    StringBuilder query = new StringBuilder();
    if (challenge.parameter("service") != null) {
      query.append("service=").append(encode(challenge.parameter("service")));
    }
    query
        .append(query.length() == 0 ? "" : "&")
        .append("scope=")
        .append(encode(scope != null ? scope : "repository:" + repository + ":pull"));
    URI tokenUri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
    HttpResponse<InputStream> response =
        send(tokenUri, null, config.username() == null ? null : basic());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw failed("token request GET " + tokenUri + " answered " + response.statusCode());
      }
      JsonNode answer = json.readTree(body);
      String token = answer.path("token").asText(answer.path("access_token").asText(""));
      if (token.isEmpty()) {
        throw failed("token response from " + realm + " has neither token nor access_token");
      }
      return token;
    }
  }

  private String basic() {
    if (config.username() == null) {
      throw failed(
          "the upstream asks for credentials and the mirror has none (MirrorConfig.withCredentials)");
    }
    String pair = config.username() + ":" + config.password();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<InputStream> send(URI uri, String accept, String authorization)
      throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    request.header("User-Agent", "pullproof-mirror");
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + uri, e);
    } catch (IOException e) {
      throw failed("GET " + uri + " failed: " + e);
    }
  }

  /** The mirror's answer when its upstream lets it down: 502 UNAVAILABLE naming what failed. */
  static RegistryException failed(String detail) {
    return ErrorCode.UNAVAILABLE
        .withMessage("the mirror's upstream registry failed", detail)
        .withStatus(502);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
