package dev.pullproof.harness.scenario;

import java.time.Duration;
import java.util.List;

/** Where a pull's credentials come from, the ways a kubelet gets them. */
public sealed interface PullAuth {
  /** No credentials: an anonymous pull. */
  record None() implements PullAuth {}

  /**
   * A Kubernetes pull secret: sent as CRI {@code AuthConfig} (or {@code ctr --user}). The kubelet
   * copies each field of a docker config entry that is set, so any mix may be given; empty strings
   * mean "not set", as in the CRI message.
   *
   * @param auth the docker config's {@code auth}: base64 of {@code user:password}
   * @param identityToken {@code identitytoken}: a refresh token for the token endpoint
   * @param registryToken {@code registrytoken}: a bearer token for the registry itself
   */
  record PullSecret(
      String username, String password, String auth, String identityToken, String registryToken)
      implements PullAuth {
    public PullSecret {
      username = username == null ? "" : username;
      password = password == null ? "" : password;
      auth = auth == null ? "" : auth;
      identityToken = identityToken == null ? "" : identityToken;
      registryToken = registryToken == null ? "" : registryToken;
      if (username.isEmpty() && !hasToken(auth, identityToken, registryToken)) {
        throw new IllegalArgumentException(
            "pull secret needs username and password, auth, identity_token or registry_token");
      }
    }

    /** Username and password, what a pull secret usually holds. */
    public PullSecret(String username, String password) {
      this(username, password, "", "", "");
    }

    private static boolean hasToken(String auth, String identityToken, String registryToken) {
      return !auth.isEmpty() || !identityToken.isEmpty() || !registryToken.isEmpty();
    }

    /** Whether it is more than a username and password (ctr --user cannot send it). */
    public boolean hasTokens() {
      return hasToken(auth, identityToken, registryToken);
    }

    @Override
    public String toString() {
      return "PullSecret[" + (username.isEmpty() ? "" : username + ", ") + "secrets redacted]";
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
