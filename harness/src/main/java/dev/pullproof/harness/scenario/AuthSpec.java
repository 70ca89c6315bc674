package dev.pullproof.harness.scenario;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a scenario registry authenticates. Passwords never appear in {@link #toString()}.
 *
 * @param users username to password (basic and token auth)
 * @param grants per-user rules; none means every user may do everything
 * @param publicRepositories repository globs anyone may pull (token auth, as on Docker Hub)
 * @param service the token service name (audience); empty means the registry's host name
 * @param tokenExpiresIn access token lifetime; empty means the token spec's 60 s
 * @param realm the realm URL bearer challenges name (placeholders allowed), instead of the
 *     registry's own {@code /token}; lets a scenario point clients at a token server that is down
 * @param policy what the token service does beyond the spec's defaults (token auth only)
 */
public record AuthSpec(
    Type type,
    Map<String, String> users,
    List<GrantSpec> grants,
    List<String> publicRepositories,
    Optional<String> service,
    Optional<Duration> tokenExpiresIn,
    Optional<String> realm,
    TokenPolicy policy) {

  /**
   * A token service's policy.
   *
   * @param anonymousTokens whether clients without credentials get a token (default true)
   * @param sendExpiresIn whether token responses carry {@code expires_in} (default true)
   * @param identityTokens refresh tokens the endpoint accepts (an identity token from an earlier
   *     login), each for a user
   * @param registryTokens bearer tokens the registry accepts itself, each for a user
   */
  public record TokenPolicy(
      boolean anonymousTokens,
      boolean sendExpiresIn,
      Map<String, String> identityTokens,
      Map<String, String> registryTokens) {
    public static final TokenPolicy DEFAULT = new TokenPolicy(true, true, Map.of(), Map.of());

    public TokenPolicy {
      identityTokens = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(identityTokens));
      registryTokens = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(registryTokens));
    }

    @Override
    public String toString() {
      return "TokenPolicy[anonymous="
          + anonymousTokens
          + ", expires_in="
          + sendExpiresIn
          + ", identity_tokens for "
          + identityTokens.values()
          + ", registry_tokens for "
          + registryTokens.values()
          + "]";
    }
  }

  /** The authentication mode. */
  public enum Type {
    NONE,
    BASIC,
    TOKEN
  }

  public static final AuthSpec NONE =
      new AuthSpec(
          Type.NONE,
          Map.of(),
          List.of(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          TokenPolicy.DEFAULT);

  public AuthSpec {
    Objects.requireNonNull(type, "auth type is required");
    users = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(users));
    grants = List.copyOf(grants);
    publicRepositories = List.copyOf(publicRepositories);
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(tokenExpiresIn, "tokenExpiresIn");
    Objects.requireNonNull(realm, "realm");
    if (realm.isPresent() && type != Type.TOKEN) {
      throw new IllegalArgumentException("realm applies to token auth only, not " + type);
    }
    Objects.requireNonNull(policy, "policy");
    if (!policy.equals(TokenPolicy.DEFAULT) && type != Type.TOKEN) {
      throw new IllegalArgumentException(
          "anonymous_tokens, send_expires_in, identity_tokens and registry_tokens are token"
              + " service settings: they need type = \"token\"");
    }
    if (!policy.anonymousTokens() && !publicRepositories.isEmpty()) {
      throw new IllegalArgumentException(
          "public repositories need anonymous tokens: drop public or anonymous_tokens = false");
    }
    for (Map<String, String> tokens : List.of(policy.identityTokens(), policy.registryTokens())) {
      for (String user : tokens.values()) {
        if (!users.containsKey(user)) {
          throw new IllegalArgumentException(
              "a token names user '" + user + "', who is not in users " + users.keySet());
        }
      }
    }
    for (GrantSpec grant : grants) {
      if (!grant.user().equals("*") && !users.containsKey(grant.user())) {
        throw new IllegalArgumentException(
            "grant names user '" + grant.user() + "', who is not in users " + users.keySet());
      }
    }
  }

  @Override
  public String toString() {
    return "AuthSpec[" + type + ", users=" + users.keySet() + ", grants=" + grants + "]";
  }
}
