package dev.pullproof.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forged and misused bearer tokens against a running registry with token auth: each is refused with
 * 401, the spec's UNAUTHORIZED error body and a Bearer challenge, and the answer never echoes the
 * token. Tokens are forged with the registry's own private key where the attack is about the claims
 * (expiry, audience, issuer), so only the claim under test is wrong.
 */
class TokenAttackTest {
  private static final String SERVICE = "registry.test";
  private static final String ISSUER = "auth.test";
  private static final String REPO = "alice/a";
  private static final String PULL_A = "/v2/alice/a/manifests/latest";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ECKey key;
  private static FakeRegistry registry;
  private static RawHttp http;

  @BeforeAll
  static void start() throws Exception {
    key = new ECKeyGenerator(Curve.P_256).keyID("registry-key").generate();
    TokenService tokens =
        TokenService.builder().service(SERVICE).issuer(ISSUER).signingKey(key).build();
    Grants grants =
        Grants.builder()
            .allow("alice", "alice/*", "pull", "push")
            .allow("alice", "team/*", "pull")
            .build();
    registry =
        FakeRegistry.builder().tokenAuth(tokens, Users.of("alice", "secret"), grants).start();
    http = new RawHttp(registry);
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void aGenuineTokenIsAccepted() throws Exception {
    // The control: the forging helper makes tokens the registry takes when nothing is wrong.
    RawHttp.Response r = get(PULL_A, "Bearer " + forge(c -> c));

    assertThat(r.status()).as(r.text()).isEqualTo(404);
    assertThat(r.text()).contains("NAME_UNKNOWN");
  }

  @Test
  void algNoneIsRefused() throws Exception {
    JWTClaimsSet claims = claims(c -> c);
    String plain = new PlainJWT(claims).serialize();
    String noneWithOurKid =
        b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"registry-key\"}")
            + "."
            + b64(claims.toString())
            + ".";

    refused(plain, "invalid_token");
    refused(noneWithOurKid, "invalid_token");
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefused() throws Exception {
    ECKey other = new ECKeyGenerator(Curve.P_256).keyID("registry-key").generate();

    refused(sign(claims(c -> c), JWSAlgorithm.ES256, new ECDSASigner(other)), "invalid_token");
  }

  @Test
  void hs256WithThePublicKeyAsHmacSecretIsRefused() throws Exception {
    byte[] der = key.toECPublicKey().getEncoded();
    byte[] jwk = key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);

    refused(sign(claims(c -> c), JWSAlgorithm.HS256, new MACSigner(der)), "invalid_token");
    refused(sign(claims(c -> c), JWSAlgorithm.HS256, new MACSigner(jwk)), "invalid_token");
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    refused(
        forge(c -> c.expirationTime(at(-60)).notBeforeTime(at(-120)).issueTime(at(-120))),
        "invalid_token");
  }

  @Test
  void aTokenWithoutExpiryIsRefused() throws Exception {
    refused(forge(c -> c.expirationTime(null)), "invalid_token");
  }

  @Test
  void aTokenNotYetValidIsRefused() throws Exception {
    refused(forge(c -> c.notBeforeTime(at(60))), "invalid_token");
  }

  @Test
  void aTokenIssuedInTheFutureBeyondTheLeewayIsRefused() throws Exception {
    // An issuer whose clock runs an hour ahead: iat and nbf in the future. The registry checks
    // nbf (with TokenService.LEEWAY), as distribution does; iat alone is informational.
    refused(forge(c -> c.issueTime(at(3600)).notBeforeTime(at(3600))), "invalid_token");
  }

  @Test
  void anotherAudienceIsRefused() throws Exception {
    refused(forge(c -> c.audience("other-registry")), "invalid_token");
    refused(forge(c -> c.audience((String) null)), "invalid_token");
  }

  @Test
  void anotherIssuerIsRefused() throws Exception {
    refused(forge(c -> c.issuer("rogue")), "invalid_token");
    refused(forge(c -> c.issuer(null)), "invalid_token");
  }

  @Test
  void pushWithAPullOnlyGrantIsRefused() throws Exception {
    // alice may only pull team/*: the token endpoint grants pull, and the push is refused.
    String token = tokenFromTheEndpoint("repository:team/app:pull,push");

    RawHttp.Response r = send("POST", "/v2/team/app/blobs/uploads/", "Bearer " + token);

    assertRefused(r, token, "insufficient_scope");
  }

  @Test
  void aTokenForRepositoryAIsRefusedOnRepositoryB() throws Exception {
    String token = tokenFromTheEndpoint("repository:alice/a:pull,push");

    assertRefused(
        get("/v2/alice/b/manifests/latest", "Bearer " + token), token, "insufficient_scope");
    assertRefused(
        send("POST", "/v2/alice/b/blobs/uploads/", "Bearer " + token), token, "insufficient_scope");
  }

  @Test
  void aTamperedPayloadWithTheSignatureKeptIsRefused() throws Exception {
    String genuine = forge(c -> c);
    String[] parts = genuine.split("\\.");
    String widened =
        b64(
            claims(
                    c ->
                        c.claim(
                            "access",
                            List.of(
                                Map.of(
                                    "type", "repository",
                                    "name", "alice/b",
                                    "actions", List.of("pull", "push")))))
                .toString());

    refused(parts[0] + "." + widened + "." + parts[2], "invalid_token");
  }

  @Test
  void truncatedTokensAreRefused() throws Exception {
    String genuine = forge(c -> c);
    String[] parts = genuine.split("\\.");

    refused(genuine.substring(0, genuine.length() - 10), "invalid_token");
    refused(parts[0] + "." + parts[1] + ".", "invalid_token");
    refused(parts[0] + "." + parts[1], "invalid_token");
    refused(parts[0], "invalid_token");
  }

  @Test
  void garbageInTheAuthorizationHeaderIsRefused() throws Exception {
    String genuine = forge(c -> c);

    assertRefused(get(PULL_A, "Bearer " + genuine.replace(".", " . ")), genuine, "invalid_token");
    assertRefused(get(PULL_A, "Bearer " + genuine + " extra"), genuine, "invalid_token");
    assertRefused(get(PULL_A, "bearer not-a-token"), genuine, "invalid_token");
    assertRefused(get(PULL_A, "Bearer"), genuine, null);
    assertRefused(get(PULL_A, "Bearer "), genuine, null);
    assertRefused(get(PULL_A, "Token " + genuine), genuine, null);
    assertRefused(get(PULL_A, "Bearer\t" + genuine), genuine, null);
    assertRefused(get(PULL_A, genuine), genuine, null);
  }

  @Test
  void basicCredentialsToATokenRegistryGetTheBearerChallenge() throws Exception {
    String basic =
        "Basic "
            + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));

    RawHttp.Response r = get(PULL_A, basic);

    assertRefused(r, "secret", null);
    assertThat(r.text()).doesNotContain("YWxpY2U6c2VjcmV0");
  }

  /** RFC 7235: the scheme name is case-insensitive, so a genuine token under "bearer" is valid. */
  @Test
  void aLowerCaseSchemeWithAGenuineTokenIsAccepted() throws Exception {
    RawHttp.Response r = get(PULL_A, "bearer " + forge(c -> c));

    assertThat(r.status()).as(r.text()).isEqualTo(404);
  }

  private static void refused(String token, String error) throws Exception {
    assertRefused(get(PULL_A, "Bearer " + token), token, error);
  }

  private static void assertRefused(RawHttp.Response r, String secret, String error)
      throws Exception {
    assertThat(r.status()).as(r.text()).isEqualTo(401);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    JsonNode first = JSON.readTree(r.body()).path("errors").path(0);
    assertThat(first.path("code").asText()).isEqualTo("UNAUTHORIZED");
    assertThat(first.path("message").asText()).isNotBlank();
    String challenge = r.header("WWW-Authenticate");
    assertThat(challenge)
        .startsWith("Bearer realm=\"" + registry.url() + "/token\"")
        .contains("service=\"" + SERVICE + "\"");
    if (error == null) {
      assertThat(challenge).doesNotContain("error=");
    } else {
      assertThat(challenge).endsWith(",error=\"" + error + "\"");
    }
    assertThat(r.text()).doesNotContain(secret);
    assertThat(String.valueOf(r.headers())).doesNotContain(secret);
  }

  private static String tokenFromTheEndpoint(String scope) throws Exception {
    String basic =
        "Basic "
            + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
    RawHttp.Response r = get("/token?service=" + SERVICE + "&scope=" + scope, basic);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return JSON.readTree(r.body()).path("token").asText();
  }

  private static RawHttp.Response get(String path, String authorization) throws Exception {
    return send("GET", path, authorization);
  }

  private static RawHttp.Response send(String method, String path, String authorization)
      throws Exception {
    return http.send(method, path, Map.of("Authorization", authorization), null);
  }

  /** Claims the registry would accept, changed by {@code change}. */
  private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
    JWTClaimsSet.Builder genuine =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject("alice")
            .audience(SERVICE)
            .expirationTime(at(60))
            .notBeforeTime(at(-1))
            .issueTime(at(-1))
            .jwtID("forged")
            .claim(
                "access",
                List.of(Map.of("type", "repository", "name", REPO, "actions", List.of("pull"))));
    return change.apply(genuine).build();
  }

  /** Signed with the registry's own key and key id: only the changed claims are wrong. */
  private static String forge(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
    return sign(claims(change), JWSAlgorithm.ES256, new ECDSASigner(key));
  }

  private static String sign(JWTClaimsSet claims, JWSAlgorithm algorithm, JWSSigner signer)
      throws Exception {
    JWSHeader header =
        new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private static Date at(long secondsFromNow) {
    return Date.from(Instant.now().plus(Duration.ofSeconds(secondsFromNow)));
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
