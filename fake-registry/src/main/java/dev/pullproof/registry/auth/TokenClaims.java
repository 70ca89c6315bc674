package dev.pullproof.registry.auth;

import java.time.Instant;
import java.util.List;

/**
 * The claims of a verified access token. {@code access} is the Docker {@code access} claim, merged
 * per resource; an anonymous token has an empty subject.
 *
 * @see <a
 *     href="https://github.com/distribution/distribution/blob/main/docs/content/spec/auth/jwt.md">token
 *     claims</a>
 */
public record TokenClaims(
    String issuer,
    String subject,
    List<String> audience,
    Instant issuedAt,
    Instant notBefore,
    Instant expiresAt,
    String id,
    List<Scope> access) {
  public TokenClaims {
    if (issuer == null) {
      throw new IllegalArgumentException("issuer is required");
    }
    if (expiresAt == null) {
      throw new IllegalArgumentException("expiresAt is required");
    }
    subject = subject == null ? "" : subject;
    audience = List.copyOf(audience);
    access = Scope.merge(access);
  }

  /** The subject, or {@code anonymous} for a token issued without credentials. */
  public String identity() {
    return subject.isEmpty() ? "anonymous" : subject;
  }

  /** True when some access entry covers the need (a {@code *} action covers every action). */
  public boolean covers(Access.Need need) {
    return access.stream().anyMatch(scope -> scope.covers(need));
  }

  /** The access entries as scope text, for principals and journals. */
  public List<String> scopes() {
    return access.stream().map(Scope::toString).toList();
  }
}
