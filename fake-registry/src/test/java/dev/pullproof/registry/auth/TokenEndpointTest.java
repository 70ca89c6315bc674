package dev.pullproof.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.testing.ManualClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T12:00:00Z"));
  private final TokenService tokens =
      TokenService.builder().service("registry.test").issuer("auth.test").clock(clock).build();
  private final TestServer server =
      new TestServer(
          realm ->
              Auth.token(tokens, realm)
                  .withUsers(Users.of("alice", "secret"))
                  .withGrants(
                      Grants.builder()
                          .allow("alice", "alice/*", "pull", "push")
                          .publicRepository("library/*")
                          .build()));
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anonymousGetGetsOnlyPublicPulls() throws Exception {
    HttpResponse<String> response =
        get(
            "?service=registry.test&scope=repository:library/app:pull,push"
                + "&scope=repository:alice/app:pull",
            null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode body = json.readTree(response.body());
    assertThat(fields(body)).containsExactly("token", "access_token", "expires_in", "issued_at");
    assertThat(body.get("access_token").asText()).isEqualTo(body.get("token").asText());
    assertThat(body.get("expires_in").asLong()).isEqualTo(60);
    assertThat(body.get("issued_at").asText()).isEqualTo("2025-03-01T12:00:00Z");
    TokenClaims claims = tokens.verify(body.get("token").asText());
    assertThat(claims.identity()).isEqualTo("anonymous");
    assertThat(claims.scopes()).containsExactly("repository:library/app:pull");
    assertThat(response.headers().firstValue("X-Principal"))
        .contains("none anonymous repository:library/app:pull");
  }

  @Test
  void getWithBasicCredentialsGetsTheIntersection() throws Exception {
    HttpResponse<String> response =
        get(
            "?service=registry.test&client_id=test&scope="
                + enc("repository:alice/app:pull,push,delete repository:bob/app:pull"),
            basic("alice:secret"));

    assertThat(response.statusCode()).isEqualTo(200);
    TokenClaims claims = tokens.verify(json.readTree(response.body()).get("token").asText());
    assertThat(claims.subject()).isEqualTo("alice");
    assertThat(claims.scopes()).containsExactly("repository:alice/app:pull,push");
    assertThat(response.headers().firstValue("X-Principal"))
        .contains("basic alice repository:alice/app:pull,push");
  }

  @Test
  void offlineGetAddsARefreshTokenForTheSubject() throws Exception {
    JsonNode body =
        json.readTree(
            get("?service=registry.test&offline_token=true", basic("alice:secret")).body());

    assertThat(tokens.refreshTokenSubject(body.get("refresh_token").asText())).contains("alice");
  }

  @Test
  void anonymousOfflineGetGetsNoRefreshToken() throws Exception {
    JsonNode body = json.readTree(get("?service=registry.test&offline_token=true", null).body());

    assertThat(body.has("refresh_token")).isFalse();
  }

  @Test
  void getWithAWrongPasswordIsUnauthorizedWithABasicChallenge() throws Exception {
    HttpResponse<String> response = get("?service=registry.test", basic("alice:wrong"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("X-Error-Code")).contains("UNAUTHORIZED");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .contains("Basic realm=\"auth.test\"");
  }

  @Test
  void getWithAMissingOrWrongServiceIsABadRequest() throws Exception {
    assertBadRequest(get("", null), "missing service");
    assertBadRequest(get("?service=other", null), "service 'other' is not 'registry.test'");
  }

  @Test
  void getWithAMalformedScopeOrOfflineFlagIsABadRequest() throws Exception {
    assertBadRequest(get("?service=registry.test&scope=nonsense", null), "type:name:actions");
    assertBadRequest(get("?service=registry.test&offline_token=maybe", null), "offline_token");
  }

  @Test
  void postPasswordGrantAnswersTheOAuthFields() throws Exception {
    HttpResponse<String> response =
        post(
            "grant_type=password&username=alice&password=secret&service=registry.test"
                + "&client_id=containerd&access_type=offline&scope="
                + enc("repository:alice/app:pull,push repository:library/app:pull"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(fields(body))
        .containsExactly("access_token", "expires_in", "issued_at", "scope", "refresh_token");
    assertThat(body.get("scope").asText())
        .isEqualTo("repository:alice/app:pull,push repository:library/app:pull");
    assertThat(body.get("expires_in").asLong()).isEqualTo(60);
    assertThat(body.get("issued_at").asText()).isEqualTo("2025-03-01T12:00:00Z");
    assertThat(tokens.verify(body.get("access_token").asText()).subject()).isEqualTo("alice");
    assertThat(response.headers().firstValue("X-Principal"))
        .hasValueSatisfying(p -> assertThat(p).startsWith("password alice "));
  }

  @Test
  void postWithoutOfflineGetsNoRefreshToken() throws Exception {
    JsonNode body =
        json.readTree(
            post("grant_type=password&username=alice&password=secret&service=registry.test"
                    + "&client_id=containerd")
                .body());

    assertThat(body.has("refresh_token")).isFalse();
    assertThat(body.get("scope").asText()).isEmpty();
  }

  @Test
  void refreshTokenGetsNewScopesForTheSameSubject() throws Exception {
    String refresh = tokens.issueRefreshToken("alice");

    HttpResponse<String> response =
        post(
            "grant_type=refresh_token&refresh_token="
                + enc(refresh)
                + "&service=registry.test&client_id=containerd&scope="
                + enc("repository:alice/other:push"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("refresh_token").asText()).isEqualTo(refresh);
    TokenClaims claims = tokens.verify(body.get("access_token").asText());
    assertThat(claims.subject()).isEqualTo("alice");
    assertThat(claims.scopes()).containsExactly("repository:alice/other:push");
    assertThat(response.headers().firstValue("X-Principal"))
        .contains("refresh_token alice repository:alice/other:push");
  }

  @Test
  void unknownRefreshTokenIsUnauthorized() throws Exception {
    HttpResponse<String> response =
        post("grant_type=refresh_token&refresh_token=nope&service=registry.test&client_id=c");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("X-Error-Code")).contains("UNAUTHORIZED");
  }

  @Test
  void postWithAWrongPasswordIsUnauthorized() throws Exception {
    HttpResponse<String> response =
        post("grant_type=password&username=alice&password=x&service=registry.test&client_id=c");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("X-Error-Code")).contains("UNAUTHORIZED");
  }

  @Test
  void postWithMissingOrUnknownFieldsIsABadRequest() throws Exception {
    assertBadRequest(
        post("grant_type=password&username=alice&password=secret&service=registry.test"),
        "missing client_id");
    assertBadRequest(post("grant_type=magic&service=registry.test&client_id=c"), "grant_type");
    assertBadRequest(post("service=registry.test&client_id=c"), "missing grant_type");
    assertBadRequest(
        post("grant_type=password&password=secret&service=registry.test&client_id=c"),
        "missing username");
    assertBadRequest(
        post("grant_type=password&username=a&password=b&service=x&client_id=c"), "service 'x'");
    assertBadRequest(
        post(
            "grant_type=password&username=a&password=b&service=registry.test&client_id=c"
                + "&access_type=forever"),
        "access_type");
  }

  @Test
  void postMustBeFormEncoded() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url("/token")))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();

    assertBadRequest(http.send(request, HttpResponse.BodyHandlers.ofString()), "content type");
  }

  @Test
  void otherMethodsAreUnsupported() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/token"))).DELETE().build();

    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("GET, POST");
  }

  @Test
  void clientFollowsTheChallengeToATokenAndBack() throws Exception {
    String manifest = server.url("/v2/alice/app/manifests/latest");
    HttpResponse<String> first = send(HttpRequest.newBuilder(URI.create(manifest)));
    assertThat(first.statusCode()).isEqualTo(401);
    String challenge = first.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertThat(challenge)
        .isEqualTo(
            "Bearer realm=\""
                + server.url("/token")
                + "\",service=\"registry.test\",scope=\"repository:alice/app:pull\"");

    String token =
        json.readTree(
                send(HttpRequest.newBuilder(
                            URI.create(
                                server.url("/token")
                                    + "?service=registry.test&scope=repository:alice/app:pull"))
                        .header("Authorization", basic("alice:secret")))
                    .body())
            .get("token")
            .asText();
    HttpResponse<String> retry =
        send(
            HttpRequest.newBuilder(URI.create(manifest))
                .header("Authorization", "Bearer " + token));

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.headers().firstValue("X-Principal"))
        .contains("bearer alice repository:alice/app:pull");
  }

  private HttpResponse<String> get(String query, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/token") + query));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  private HttpResponse<String> post(String form) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(server.url("/token")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertBadRequest(HttpResponse<String> response, String detail) {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("X-Error-Code")).contains("UNSUPPORTED");
    assertThat(response.body()).contains(detail);
  }

  private static Iterable<String> fields(JsonNode node) {
    return () -> {
      Iterator<String> names = node.fieldNames();
      return names;
    };
  }

  private static String basic(String userColonPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
