package dev.pullproof.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A token service's policy beyond the spec's defaults: no anonymous tokens, no {@code expires_in},
 * refresh tokens issued elsewhere (identity tokens) and static registry tokens.
 */
class TokenPolicyTest {
  private final TokenService tokens =
      TokenService.builder()
          .service("registry.test")
          .anonymousTokens(false)
          .sendExpiresIn(false)
          .refreshToken("id-token-1", "alice")
          .registryToken("reg-token-1", "alice")
          .build();
  private final TestServer server =
      new TestServer(
          realm ->
              Auth.token(tokens, realm)
                  .withUsers(Users.of("alice", "secret"))
                  .withGrants(Grants.builder().allow("alice", "alice/*", "pull").build()));
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anAnonymousTokenRequestIsUnauthorizedWithABasicChallenge() throws Exception {
    HttpResponse<String> response = get("/token?service=registry.test", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .get()
        .asString()
        .startsWith("Basic");
    assertThat(response.body()).contains("issues no anonymous tokens");
  }

  @Test
  void aTokenResponseLeavesOutExpiresIn() throws Exception {
    String alice =
        "Basic "
            + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
    JsonNode body = json.readTree(get("/token?service=registry.test", alice).body());

    assertThat(body.has("token")).isTrue();
    assertThat(body.has("expires_in")).isFalse();
  }

  @Test
  void aKnownIdentityTokenRefreshesToAnAccessToken() throws Exception {
    HttpResponse<String> response =
        post(
            "grant_type=refresh_token&refresh_token=id-token-1&service=registry.test"
                + "&client_id=test&scope=repository:alice/app:pull");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(
            tokens.verify(json.readTree(response.body()).get("access_token").asText()).identity())
        .isEqualTo("alice");
  }

  @Test
  void aStaticRegistryTokenIsAcceptedAsItsUserWithTheUsersGrants() throws Exception {
    HttpResponse<String> own = get("/v2/alice/app/tags/list", "Bearer reg-token-1");
    HttpResponse<String> other = get("/v2/bob/app/tags/list", "Bearer reg-token-1");

    assertThat(own.headers().firstValue("X-Principal"))
        .contains("registry_token alice repository:alice/app:pull");
    assertThat(other.statusCode()).isEqualTo(401);
    assertThat(other.headers().firstValue("WWW-Authenticate"))
        .get()
        .asString()
        .contains("error=\"insufficient_scope\"");
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url("/token")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
