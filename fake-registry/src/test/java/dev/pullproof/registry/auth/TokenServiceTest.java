package dev.pullproof.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.pullproof.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
  private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

  private final ManualClock clock = new ManualClock(T0);
  private final ECKey sharedKey = generateKey();
  private final TokenService tokens = sameKeyWith(b -> {});

  @Test
  void issuedTokenVerifiesWithItsClaims() throws Exception {
    IssuedToken issued =
        tokens.issue("alice", List.of(Scope.parse("repository:library/app:pull,push")));

    TokenClaims claims = tokens.verify(issued.token());

    assertThat(claims.issuer()).isEqualTo("auth.test");
    assertThat(claims.subject()).isEqualTo("alice");
    assertThat(claims.audience()).containsExactly("registry.test");
    assertThat(claims.issuedAt()).isEqualTo(T0);
    assertThat(claims.notBefore()).isEqualTo(T0);
    assertThat(claims.expiresAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(claims.id()).isNotBlank();
    assertThat(claims.scopes()).containsExactly("repository:library/app:pull,push");
    assertThat(issued.issuedAt()).isEqualTo(T0);
    assertThat(issued.expiresIn()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void tokenIsAnEs256JwtWithAKeyIdAndTheDockerAccessClaim() throws Exception {
    SignedJWT jwt =
        SignedJWT.parse(tokens.issue("alice", List.of(Scope.parse("repository:a:pull"))).token());

    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(tokens.publicKey().getKeyID()).isNotBlank();
    assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
    assertThat(jwt.getJWTClaimsSet().getClaim("access"))
        .isEqualTo(List.of(Map.of("type", "repository", "name", "a", "actions", List.of("pull"))));
  }

  @Test
  void emptyGrantsAreLeftOutOfTheToken() throws Exception {
    IssuedToken issued =
        tokens.issue(
            "alice",
            List.of(Scope.parse("repository:a:pull"), Scope.of("repository", "b", List.of())));

    assertThat(tokens.verify(issued.token()).scopes()).containsExactly("repository:a:pull");
    assertThat(issued.access()).hasSize(1);
  }

  @Test
  void anonymousTokenHasAnEmptySubject() throws Exception {
    TokenClaims claims = tokens.verify(tokens.issue(null, List.of()).token());

    assertThat(claims.subject()).isEmpty();
    assertThat(claims.identity()).isEqualTo("anonymous");
    assertThat(claims.access()).isEmpty();
  }

  @Test
  void generatesAnEs256KeyPerInstance() throws Exception {
    TokenService generated = TokenService.builder().build();
    String token = generated.issue("alice", List.of()).token();

    assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(generated.verify(token).subject()).isEqualTo("alice");
    assertThat(TokenService.builder().build().publicKey().getKeyID())
        .isNotEqualTo(generated.publicKey().getKeyID());
  }

  @Test
  void rs256KeysWorkToo() throws Exception {
    TokenService rsa = TokenService.builder().algorithm(JWSAlgorithm.RS256).build();
    String token = rsa.issue("alice", List.of()).token();

    assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(rsa.verify(token).subject()).isEqualTo("alice");
    assertRejected(tokens, token, "algorithm RS256 is not ES256");
  }

  @Test
  void injectedKeySignsAndItsKeyIdIsUsed() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).keyID("my-key").generate();
    TokenService withKey = TokenService.builder().signingKey(key).build();

    String token = withKey.issue("alice", List.of()).token();

    assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo("my-key");
    assertThat(withKey.verify(token).subject()).isEqualTo("alice");
    assertThat(withKey.publicKey().isPrivate()).isFalse();
  }

  @Test
  void rejectsAlgNone() {
    String claims = payloadOf(validToken());
    String header = b64("{\"alg\":\"none\",\"kid\":\"" + tokens.publicKey().getKeyID() + "\"}");

    assertRejected(tokens, header + "." + claims + ".", "not a signed JWT");
    assertRejected(tokens, new PlainJWT(claimsOf(validToken())).serialize(), "not a signed JWT");
  }

  @Test
  void rejectsATokenFromAnotherKey() {
    TokenService other =
        TokenService.builder().service("registry.test").issuer("auth.test").build();

    assertRejected(tokens, other.issue("alice", List.of()).token(), "key id");
  }

  @Test
  void rejectsAnotherKeyClaimingOurKeyId() throws Exception {
    ECKey ours = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    ECKey theirs = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    TokenService real = TokenService.builder().signingKey(ours).build();
    TokenService forger = TokenService.builder().signingKey(theirs).build();

    assertRejected(real, forger.issue("alice", List.of()).token(), "signature does not verify");
  }

  @Test
  void rejectsHs256SignedWithThePublicKeyBytes() throws Exception {
    byte[] publicKey = ((ECKey) tokens.publicKey()).toECPublicKey().getEncoded();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(tokens.publicKey().getKeyID()).build();
    SignedJWT forged = new SignedJWT(header, claimsOf(validToken()));
    forged.sign(new MACSigner(publicKey));

    assertRejected(tokens, forged.serialize(), "algorithm HS256 is not ES256");
  }

  @Test
  void rejectsATamperedPayload() {
    String[] parts = validToken().split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String tampered = b64(payload.replace("\"pull\"", "\"push\""));

    assertThat(tampered).isNotEqualTo(parts[1]);
    assertRejected(tokens, parts[0] + "." + tampered + "." + parts[2], "signature does not verify");
  }

  @Test
  void rejectsAnExpiredTokenOnlyAfterTheLeeway() throws Exception {
    String token = validToken();

    clock.advance(Duration.ofSeconds(60).plus(TokenService.LEEWAY));
    assertThat(tokens.verify(token).subject()).isEqualTo("alice");
    clock.advance(Duration.ofSeconds(1));
    assertRejected(tokens, token, "expired at 2025-03-01T12:01:00Z");
  }

  @Test
  void rejectsATokenNotYetValid() {
    TokenService skewed = sameKeyWith(b -> b.issuedAtOffset(Duration.ofMinutes(10)));

    assertRejected(tokens, skewed.issue("alice", List.of()).token(), "not valid before");
  }

  @Test
  void issuedAtOffsetShiftsEveryTimeClaim() throws Exception {
    TokenService skewed = sameKeyWith(b -> b.issuedAtOffset(Duration.ofSeconds(-30)));

    IssuedToken issued = skewed.issue("alice", List.of());
    TokenClaims claims = tokens.verify(issued.token());

    assertThat(issued.issuedAt()).isEqualTo(T0.minusSeconds(30));
    assertThat(claims.issuedAt()).isEqualTo(T0.minusSeconds(30));
    assertThat(claims.expiresAt()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void tokenBornExpiredIsRejected() {
    TokenService instant = sameKeyWith(b -> b.expiresIn(Duration.ofSeconds(-10)));

    assertRejected(tokens, instant.issue("alice", List.of()).token(), "expired");
  }

  @Test
  void rejectsAnotherAudienceOrIssuer() {
    assertRejected(
        tokens,
        sameKeyWith(b -> b.service("elsewhere")).issue("a", List.of()).token(),
        "audience [elsewhere] does not include registry.test");
    assertRejected(
        tokens,
        sameKeyWith(b -> b.issuer("rogue")).issue("a", List.of()).token(),
        "issuer rogue is not auth.test");
  }

  @Test
  void rejectsGarbage() {
    assertRejected(tokens, "", "no token");
    assertRejected(tokens, "not-a-jwt", "not a signed JWT");
  }

  /** Found by AuthParserProperties: nimbus threw a NullPointerException, answered with 500. */
  @Test
  void rejectsAHeaderThatIsJsonNull() {
    String claims = payloadOf(validToken());

    assertRejected(tokens, b64("null") + "." + claims + ".c2ln", "not a signed JWT");
  }

  @Test
  void refreshTokensAreOpaqueAndBoundToTheirSubject() {
    String refresh = tokens.issueRefreshToken("alice");

    assertThat(tokens.refreshTokenSubject(refresh)).contains("alice");
    assertThat(tokens.refreshTokenSubject("unknown")).isEmpty();
    assertThat(tokens.issueRefreshToken("alice")).isNotEqualTo(refresh);
    assertRejected(tokens, refresh, "not a signed JWT");
  }

  @Test
  void serviceAndIssuerMustBeQuotableInChallenges() {
    assertThatThrownBy(() -> TokenService.builder().service("a\"b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("service");
    assertThatThrownBy(() -> TokenService.builder().issuer(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("issuer is required");
  }

  @Test
  void issuedTokenNeverPrintsTheToken() {
    IssuedToken issued = tokens.issue("alice", List.of());

    assertThat(issued.toString()).doesNotContain(issued.token());
  }

  private String validToken() {
    return tokens.issue("alice", List.of(Scope.parse("repository:library/app:pull"))).token();
  }

  /** A service sharing this one's key and clock, so only the changed setting differs. */
  private TokenService sameKeyWith(Consumer<TokenService.Builder> change) {
    TokenService.Builder b =
        TokenService.builder()
            .service("registry.test")
            .issuer("auth.test")
            .clock(clock)
            .signingKey(sharedKey);
    change.accept(b);
    return b.build();
  }

  private static ECKey generateKey() {
    try {
      return new ECKeyGenerator(Curve.P_256).generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new AssertionError(e);
    }
  }

  private static JWTClaimsSet claimsOf(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet();
    } catch (java.text.ParseException e) {
      throw new AssertionError(e);
    }
  }

  private static String payloadOf(String token) {
    return token.split("\\.")[1];
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRejected(TokenService service, String token, String reason) {
    assertThatThrownBy(() -> service.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining(reason);
  }
}
