package dev.pullproof.harness.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.harness.run.Credentials;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code CredentialProviderResponse} ({@value ProviderConfig#API_VERSION}).
 *
 * @param cacheKeyType what the answer is cached by
 * @param cacheDuration how long; empty when the plugin left it out (the provider's default)
 * @param auth match key (a {@code matchImages}-style glob) to credentials
 */
public record ProviderResponse(
    CacheKeyType cacheKeyType, Optional<Duration> cacheDuration, Map<String, Credentials> auth) {
  public ProviderResponse {
    if (cacheKeyType == null) {
      throw new IllegalArgumentException("cacheKeyType is required");
    }
    auth = Map.copyOf(auth);
  }

  /** Parses the plugin's stdout; a wrong kind, apiVersion or field is an error saying which. */
  static ProviderResponse parse(String stdout, ObjectMapper json) throws IOException {
    JsonNode n = json.readTree(stdout);
    if (n == null || !n.isObject()) {
      throw new IOException("the plugin wrote no CredentialProviderResponse object: " + stdout);
    }
    if (!"CredentialProviderResponse".equals(n.path("kind").asText())
        || !ProviderConfig.API_VERSION.equals(n.path("apiVersion").asText())) {
      throw new IOException(
          "expected kind CredentialProviderResponse, apiVersion "
              + ProviderConfig.API_VERSION
              + ", got "
              + n.path("kind").asText("(none)")
              + ", "
              + n.path("apiVersion").asText("(none)"));
    }
    Optional<Duration> duration =
        n.hasNonNull("cacheDuration")
            ? Optional.of(GoDuration.parse(n.get("cacheDuration").asText()))
            : Optional.empty();
    Map<String, Credentials> auth = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.path("auth").properties()) {
      auth.put(
          e.getKey(),
          new Credentials(
              e.getValue().path("username").asText(), e.getValue().path("password").asText()));
    }
    return new ProviderResponse(
        CacheKeyType.parse(n.path("cacheKeyType").asText()), duration, auth);
  }

  /**
   * The credentials the kubelet's keyring tries first for {@code image}: among the keys matching
   * it, the greatest in reverse lexical order (the keyring's "most specific first").
   */
  public Optional<Credentials> forImage(String image) {
    return auth.keySet().stream()
        .filter(key -> ImageMatcher.matches(key, image))
        .max(Comparator.naturalOrder())
        .map(auth::get);
  }
}
