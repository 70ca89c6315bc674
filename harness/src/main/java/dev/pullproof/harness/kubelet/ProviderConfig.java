package dev.pullproof.harness.kubelet;

import dev.pullproof.harness.scenario.PullAuth;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One {@code CredentialProviderConfig.providers[]} entry, as the kubelet reads it (<a
 * href="https://kubernetes.io/docs/reference/config-api/kubelet-credentialprovider.v1/">kubelet
 * credential provider v1</a>).
 *
 * @param name the plugin's executable name in the provider directory
 * @param matchImages globs; the plugin runs only for images one of them matches
 * @param defaultCacheDuration used when a response has no {@code cacheDuration}
 * @param args arguments passed to the plugin
 * @param env variables added to the kubelet's environment for the plugin
 * @param apiVersion the request/response API version; only {@value #API_VERSION}
 */
public record ProviderConfig(
    String name,
    List<String> matchImages,
    Duration defaultCacheDuration,
    List<String> args,
    Map<String, String> env,
    String apiVersion) {
  public static final String API_VERSION = "credentialprovider.kubelet.k8s.io/v1";

  public ProviderConfig {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("name must be a file name, got " + name);
    }
    matchImages = List.copyOf(matchImages);
    if (matchImages.isEmpty()) {
      throw new IllegalArgumentException("matchImages must name at least one glob");
    }
    if (defaultCacheDuration == null || defaultCacheDuration.isNegative()) {
      throw new IllegalArgumentException("defaultCacheDuration must be >= 0");
    }
    args = List.copyOf(args);
    env = Map.copyOf(env);
    if (!API_VERSION.equals(apiVersion)) {
      throw new IllegalArgumentException(
          "apiVersion must be " + API_VERSION + ", got " + apiVersion);
    }
  }

  /** The provider a scenario's {@code credential_provider} describes, named {@code name}. */
  static ProviderConfig of(PullAuth.CredentialProvider provider, String name) {
    return new ProviderConfig(
        name,
        provider.matchImages(),
        provider.defaultCacheDuration(),
        List.of(),
        Map.of(),
        API_VERSION);
  }

  /** Whether the kubelet would ask this provider about {@code image}. */
  public boolean matches(String image) {
    return matchImages.stream().anyMatch(glob -> ImageMatcher.matches(glob, image));
  }
}
