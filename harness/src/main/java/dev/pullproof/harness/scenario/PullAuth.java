package dev.pullproof.harness.scenario;

import java.time.Duration;
import java.util.List;

/** Where a pull's credentials come from, the ways a kubelet gets them. */
public sealed interface PullAuth {
  /** No credentials: an anonymous pull. */
  record None() implements PullAuth {}

  /** A Kubernetes pull secret: sent as CRI {@code AuthConfig} (or {@code ctr --user}). */
  record PullSecret(String username, String password) implements PullAuth {
    public PullSecret {
      if (username == null || username.isEmpty() || password == null) {
        throw new IllegalArgumentException("pull secret needs a username and a password");
      }
    }

    @Override
    public String toString() {
      return "PullSecret[" + username + ", password redacted]";
    }
  }

  /**
   * A kubelet credential-provider plugin (the fake helper) asked for credentials, which are then
   * sent as {@code AuthConfig}.
   *
   * @param matchImages the provider's {@code matchImages} globs
   * @param defaultCacheDuration the provider's {@code defaultCacheDuration}
   * @param script the fake helper's script, telling it what to answer
   */
  record CredentialProvider(
      List<String> matchImages, Duration defaultCacheDuration, ContainerdFile script)
      implements PullAuth {
    public CredentialProvider {
      matchImages = List.copyOf(matchImages);
      if (matchImages.isEmpty()) {
        throw new IllegalArgumentException("credential provider needs match_images");
      }
      if (defaultCacheDuration == null || defaultCacheDuration.isNegative()) {
        throw new IllegalArgumentException("credential provider cache duration must be >= 0");
      }
    }
  }

  PullAuth NONE = new None();
}
