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
 */
public record AuthSpec(
    Type type,
    Map<String, String> users,
    List<GrantSpec> grants,
    List<String> publicRepositories,
    Optional<String> service,
    Optional<Duration> tokenExpiresIn,
    Optional<String> realm) {

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
          Optional.empty());

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
