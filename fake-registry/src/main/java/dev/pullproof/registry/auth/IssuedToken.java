package dev.pullproof.registry.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A freshly signed access token with what the token response reports about it: when it was issued
 * (the JWT {@code iat}) and for how long it is valid, and the access it carries.
 *
 * @see <a
 *     href="https://distribution.github.io/distribution/spec/auth/token/#token-response-fields">
 *     distribution: token response fields</a>
 */
public record IssuedToken(String token, Instant issuedAt, Duration expiresIn, List<Scope> access) {
  public IssuedToken {
    if (token == null || issuedAt == null || expiresIn == null) {
      throw new IllegalArgumentException("token, issuedAt and expiresIn are required");
    }
    access = List.copyOf(access);
  }

  /** Leaves the token itself out, so a journal or log line never holds a usable credential. */
  @Override
  public String toString() {
    return "IssuedToken[issuedAt="
        + issuedAt
        + ", expiresIn="
        + expiresIn
        + ", access="
        + access
        + "]";
  }
}
