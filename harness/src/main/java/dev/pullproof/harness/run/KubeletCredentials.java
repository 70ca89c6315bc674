package dev.pullproof.harness.run;

import dev.pullproof.harness.scenario.PullAuth;
import java.util.List;
import java.util.Optional;

/**
 * Gets credentials the way the kubelet does from a credential-provider plugin (the fake helper):
 * match the image against {@code matchImages}, run the plugin (honouring its cache), and return
 * what it answered plus the helper's invocation log.
 */
public interface KubeletCredentials extends AutoCloseable {
  /** What the provider produced for one image. */
  record Resolution(Optional<Credentials> credentials, List<String> helperLog) {
    public Resolution {
      helperLog = List.copyOf(helperLog);
    }
  }

  /**
   * Resolves credentials for one pull. One instance serves one (scenario, version) run, so a cache
   * lives across the run's repetitions as it would in a kubelet.
   */
  Resolution resolve(PullAuth.CredentialProvider provider, String image) throws Exception;

  /** Releases what the run's providers used (installed plugins, logs); nothing by default. */
  @Override
  default void close() throws Exception {}

  /** Makes one {@link KubeletCredentials} per run; found by {@link java.util.ServiceLoader}. */
  interface Factory {
    KubeletCredentials create();
  }

  /** For builds without the fake helper wired in: every resolution fails and says so. */
  KubeletCredentials UNAVAILABLE =
      (provider, image) -> {
        throw new UnsupportedOperationException(
            "credential_provider pulls need the fake helper, which this build does not wire in");
      };
}
