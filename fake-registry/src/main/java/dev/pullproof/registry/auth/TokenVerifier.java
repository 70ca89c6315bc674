package dev.pullproof.registry.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Checks a compact JWT the way a registry does: signature with the pinned key, then issuer,
 * audience and the validity window with a leeway. {@code iat} is informational and not checked.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/jwt/">distribution: token
 *     implementation</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7519#section-4.1">RFC 7519, registered claims</a>
 */
final class TokenVerifier {
  private final SigningKey key;
  private final String issuer;
  private final String audience;
  private final Clock clock;
  private final Duration leeway;

  TokenVerifier(SigningKey key, String issuer, String audience, Clock clock, Duration leeway) {
    this.key = key;
    this.issuer = issuer;
    this.audience = audience;
    this.clock = clock;
    this.leeway = leeway;
  }

  TokenClaims verify(String token) throws InvalidTokenException {
    if (token == null || token.isBlank()) {
      throw new InvalidTokenException("no token");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      // Unsecured ("alg":"none") tokens fail here: their header is not a JWS header.
      jwt = SignedJWT.parse(token.trim());
      key.verify(jwt);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new InvalidTokenException("token is not a signed JWT: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // The JOSE parser throws unchecked exceptions on some well-formed JSON it does not expect
      // (a header of JSON null gives a NullPointerException): still a bad token, not a 500.
      throw new InvalidTokenException("token is not a signed JWT: " + e, e);
    }
    if (!issuer.equals(claims.getIssuer())) {
      throw new InvalidTokenException("token issuer " + claims.getIssuer() + " is not " + issuer);
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
      throw new InvalidTokenException(
          "token audience " + claims.getAudience() + " does not include " + audience);
    }
    Instant now = clock.instant();
    Instant expires = instant(claims.getExpirationTime());
    if (expires == null) {
      throw new InvalidTokenException("token has no exp claim");
    }
    if (now.isAfter(expires.plus(leeway))) {
      throw new InvalidTokenException("token expired at " + expires + " (now " + now + ")");
    }
    Instant notBefore = instant(claims.getNotBeforeTime());
    if (notBefore != null && now.plus(leeway).isBefore(notBefore)) {
      throw new InvalidTokenException("token not valid before " + notBefore + " (now " + now + ")");
    }
    return new TokenClaims(
        claims.getIssuer(),
        claims.getSubject(),
        claims.getAudience(),
        instant(claims.getIssueTime()),
        notBefore,
        expires,
        claims.getJWTID(),
        AccessClaim.fromJson(claims.getClaim("access")));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
