package dev.pullproof.registry.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Issues and verifies the registry's JWT access tokens: {@code iss}, {@code sub} (empty for
 * anonymous clients, as Docker Hub does), {@code aud} = the service, {@code exp}, {@code nbf},
 * {@code iat}, {@code jti} and the Docker {@code access} claim; signed ES256 (or RS256) with a
 * {@code kid} header. Also issues opaque refresh tokens bound to a subject.
 *
 * <p>For fault simulation the lifetime may be anything, even zero or negative (a token born
 * expired), although the spec says a token should live at least 60 s; and the issue time may be
 * shifted from the clock by {@link Builder#issuedAtOffset} to play a token server whose clock is
 * skewed. Verification always uses the unshifted clock, as the registry would.
 *
 * @see <a
 *     href="https://github.com/distribution/distribution/blob/main/docs/content/spec/auth/token.md">token
 *     spec</a>
 */
public final class TokenService {
  /** The spec's default lifetime of an access token. */
  public static final Duration DEFAULT_EXPIRES_IN = Duration.ofSeconds(60);

  /**
   * Clock skew forgiven on {@code exp} and {@code nbf}. Distribution forgives 60 s; this fake keeps
   * it small so that expiry and skew faults show within seconds.
   */
  public static final Duration LEEWAY = Duration.ofSeconds(5);

  private final String service;
  private final String issuer;
  private final Duration expiresIn;
  private final Duration issuedAtOffset;
  private final boolean anonymousTokens;
  private final boolean sendExpiresIn;
  private final java.util.Map<String, String> registryTokens;
  private final Clock clock;
  private final SigningKey key;
  private final TokenVerifier verifier;
  private final RefreshTokens refreshTokens = new RefreshTokens();
  private final SecureRandom random = new SecureRandom();

  private TokenService(Builder b) {
    this.service = b.service;
    this.issuer = b.issuer;
    this.expiresIn = b.expiresIn;
    this.issuedAtOffset = b.issuedAtOffset;
    this.anonymousTokens = b.anonymousTokens;
    this.sendExpiresIn = b.sendExpiresIn;
    this.registryTokens = java.util.Map.copyOf(b.registryTokens);
    b.refreshTokens.forEach(refreshTokens::register);
    this.clock = b.clock;
    this.key =
        b.signingKey != null ? SigningKey.of(b.signingKey) : SigningKey.generate(b.algorithm);
    this.verifier = new TokenVerifier(key, issuer, service, clock, LEEWAY);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The audience of every token, and the {@code service} clients must ask for. */
  public String service() {
    return service;
  }

  public String issuer() {
    return issuer;
  }

  public Duration expiresIn() {
    return expiresIn;
  }

  /** Whether the token endpoint answers clients without credentials (default true). */
  public boolean anonymousTokens() {
    return anonymousTokens;
  }

  /** Whether token responses carry {@code expires_in} (default true). */
  public boolean sendsExpiresIn() {
    return sendExpiresIn;
  }

  /** The user a static registry token stands for, if it is one of them. */
  public Optional<String> registryTokenSubject(String token) {
    return Optional.ofNullable(token == null ? null : registryTokens.get(token));
  }

  /** The public half of the signing key with its {@code kid}, e.g. for a real registry to trust. */
  public JWK publicKey() {
    return key.publicJwk();
  }

  /**
   * Signs an access token carrying the scopes, merged per resource; scopes without actions are left
   * out, as the token spec's empty intersection is.
   *
   * @param subject the username, or null for an anonymous client
   */
  public IssuedToken issue(String subject, Collection<Scope> access) {
    Instant now = clock.instant().plus(issuedAtOffset).truncatedTo(ChronoUnit.SECONDS);
    List<Scope> granted = Scope.merge(access).stream().filter(s -> !s.isEmpty()).toList();
    byte[] id = new byte[18];
    random.nextBytes(id);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject == null ? "" : subject)
            .audience(service)
            .expirationTime(Date.from(now.plus(expiresIn)))
            .notBeforeTime(Date.from(now))
            .issueTime(Date.from(now))
            .jwtID(Base64.getUrlEncoder().withoutPadding().encodeToString(id))
            .claim("access", AccessClaim.toJson(granted))
            .build();
    return new IssuedToken(key.sign(claims), now, expiresIn, granted);
  }

  /** A new opaque refresh token bound to the (non-anonymous) subject. */
  public String issueRefreshToken(String subject) {
    return refreshTokens.issue(subject);
  }

  /** The subject a refresh token was issued to here, or empty when it is unknown. */
  public Optional<String> refreshTokenSubject(String refreshToken) {
    return refreshTokens.subject(refreshToken);
  }

  /**
   * Verifies a compact JWT: algorithm and key id pinned to this service's key, signature, issuer,
   * audience, and {@code exp}/{@code nbf} against the clock with {@link #LEEWAY}.
   */
  public TokenClaims verify(String token) throws InvalidTokenException {
    return verifier.verify(token);
  }

  /** Configuration; every setting has a default, so {@code builder().build()} works. */
  public static final class Builder {
    private String service = "pullproof-registry";
    private String issuer = "pullproof-token-service";
    private Duration expiresIn = DEFAULT_EXPIRES_IN;
    private Duration issuedAtOffset = Duration.ZERO;
    private Clock clock = Clock.systemUTC();
    private JWSAlgorithm algorithm = JWSAlgorithm.ES256;
    private JWK signingKey;
    private boolean anonymousTokens = true;
    private boolean sendExpiresIn = true;
    private final java.util.Map<String, String> refreshTokens = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, String> registryTokens = new java.util.LinkedHashMap<>();

    private Builder() {}

    /**
     * False: the token endpoint refuses clients without credentials (401), as token services that
     * serve no public content do; the challenge still comes first.
     */
    public Builder anonymousTokens(boolean allowed) {
      this.anonymousTokens = allowed;
      return this;
    }

    /** False: token responses leave out {@code expires_in} (clients then assume 60 s). */
    public Builder sendExpiresIn(boolean send) {
      this.sendExpiresIn = send;
      return this;
    }

    /**
     * A refresh token the endpoint accepts for the subject ({@code grant_type=refresh_token}), as
     * an identity token from an earlier login is; repeatable.
     */
    public Builder refreshToken(String token, String subject) {
      refreshTokens.put(require(token, "refresh token"), require(subject, "subject"));
      return this;
    }

    /**
     * An opaque bearer token the registry itself accepts as the subject, with the subject's grants
     * (a long-lived registry token); repeatable.
     */
    public Builder registryToken(String token, String subject) {
      registryTokens.put(require(token, "registry token"), require(subject, "subject"));
      return this;
    }

    /** The audience; it appears quoted in challenges, so it may not contain '"'. */
    public Builder service(String service) {
      this.service = quotable(require(service, "service"), "service");
      return this;
    }

    /** The {@code iss} claim, also the token endpoint's Basic realm, so without '"'. */
    public Builder issuer(String issuer) {
      this.issuer = quotable(require(issuer, "issuer"), "issuer");
      return this;
    }

    /** Token lifetime; any value is accepted, see the class comment. */
    public Builder expiresIn(Duration expiresIn) {
      this.expiresIn = require(expiresIn, "expiresIn");
      return this;
    }

    /** Shifts {@code iat}, {@code nbf}, {@code exp} and {@code issued_at} from the clock. */
    public Builder issuedAtOffset(Duration offset) {
      this.issuedAtOffset = require(offset, "issuedAtOffset");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = require(clock, "clock");
      return this;
    }

    /** The algorithm of the generated key: ES256 (default) or RS256. */
    public Builder algorithm(JWSAlgorithm algorithm) {
      this.algorithm = require(algorithm, "algorithm");
      return this;
    }

    /** Signs with this private EC P-256 (ES256) or RSA (RS256) key instead of a generated one. */
    public Builder signingKey(JWK signingKey) {
      this.signingKey = require(signingKey, "signingKey");
      return this;
    }

    public TokenService build() {
      return new TokenService(this);
    }

    private static String quotable(String value, String field) {
      if (value.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20)) {
        throw new IllegalArgumentException(field + " may not contain quotes or controls: " + value);
      }
      return value;
    }

    private static <T> T require(T value, String field) {
      if (value == null || (value instanceof String s && s.isBlank())) {
        throw new IllegalArgumentException(field + " is required");
      }
      return value;
    }
  }
}
