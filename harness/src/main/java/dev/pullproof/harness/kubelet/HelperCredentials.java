package dev.pullproof.harness.kubelet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.harness.run.Credentials;
import dev.pullproof.harness.run.KubeletCredentials;
import dev.pullproof.harness.scenario.PullAuth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run's kubelet credential providers, each the fake helper bound to the scenario's script: the
 * image checked against {@code matchImages}, the cache consulted, else the plugin exec'd with a
 * {@code CredentialProviderRequest}; the answer cached by its key type and duration. As in the
 * kubelet, a plugin that fails or answers nonsense gives no credentials (the pull goes anonymous);
 * the invocation log shows what happened.
 */
final class HelperCredentials implements KubeletCredentials {
  /** The kubelet's plugin exec timeout. */
  static final Duration EXEC_TIMEOUT = Duration.ofMinutes(1);

  private final HelperInstalls installs;
  private final PluginLauncher launcher;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, CredentialCache> caches = new HashMap<>();
  private int logLinesSeen;

  HelperCredentials(HelperInstalls installs, PluginLauncher launcher, Clock clock) {
    this.installs = installs;
    this.launcher = launcher;
    this.clock = clock;
  }

  @Override
  public synchronized Resolution resolve(PullAuth.CredentialProvider provider, String image)
      throws Exception {
    HelperInstalls.Provider installed = installs.forScript(provider.script().text());
    ProviderConfig config = ProviderConfig.of(provider, installed.name());
    if (!config.matches(image)) {
      return new Resolution(Optional.empty(), List.of());
    }
    CredentialCache cache =
        caches.computeIfAbsent(
            installed.name() + " " + config.matchImages() + " " + config.defaultCacheDuration(),
            k -> new CredentialCache(clock));
    Optional<ProviderResponse> cached = cache.lookup(image);
    if (cached.isPresent()) {
      return new Resolution(cached.get().forImage(image), List.of());
    }
    Optional<Credentials> credentials = Optional.empty();
    try {
      PluginLauncher.Exit exit =
          launcher.run(
              installed.launcher(), config.args(), config.env(), request(image), EXEC_TIMEOUT);
      if (exit.code() == 0) {
        ProviderResponse response = ProviderResponse.parse(exit.stdout(), json);
        cache.store(image, response, config);
        credentials = response.forImage(image);
      }
    } catch (IOException | IllegalArgumentException e) {
      credentials = Optional.empty(); // the kubelet logs it and pulls without credentials
    }
    return new Resolution(credentials, newLogLines(installed.log()));
  }

  private String request(String image) throws IOException {
    return json.writeValueAsString(
        Map.of(
            "apiVersion",
            ProviderConfig.API_VERSION,
            "kind",
            "CredentialProviderRequest",
            "image",
            image));
  }

  /** The log lines written since the last resolution (every provider of the run shares one log). */
  private List<String> newLogLines(Path log) throws IOException {
    if (!Files.exists(log)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
    List<String> fresh = lines.subList(Math.min(logLinesSeen, lines.size()), lines.size());
    logLinesSeen = lines.size();
    return List.copyOf(fresh);
  }

  @Override
  public void close() throws IOException {
    installs.close();
  }
}
