package dev.pullproof.registry.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.RawHttp;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.protocol.RepositoryName;
import dev.pullproof.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Docker Hub's anonymous tokens and pull rate limit, as a plain HTTP client sees them. */
class DockerHubTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST = "/v2/library/app/manifests/1.0";
  private final ManualClock clock = new ManualClock();
  private FakeRegistry registry;
  private RawHttp http;

  @AfterEach
  void close() {
    if (registry != null) {
      registry.close();
    }
  }

  private void start(DockerHub hub) {
    registry = FakeRegistry.builder().clock(clock).dockerHub(hub).start();
    new ImagePublisher(registry.content())
        .publish(RepositoryName.of("library/app"), "1.0", ImageSpec.builder().layers(10).build());
    http = new RawHttp(registry);
  }

  private static DockerHub.Builder hub() {
    return DockerHub.builder().users(Users.of("alice", "pw")).pullLimit(3, 5, Duration.ofHours(6));
  }

  private String token(String basicCredentials) throws Exception {
    Map<String, String> headers =
        basicCredentials == null
            ? Map.of()
            : Map.of(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(basicCredentials.getBytes(StandardCharsets.UTF_8)));
    RawHttp.Response r =
        http.send(
            "GET",
            "/token?service=registry.docker.io&scope=repository:library/app:pull",
            headers,
            null);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return JSON.readTree(r.body()).path("token").asText();
  }

  private RawHttp.Response manifest(String method, String token) throws Exception {
    return http.send(method, MANIFEST, Map.of("Authorization", "Bearer " + token), null);
  }

  @Test
  void anonymousClientsGetATokenForPublicRepositoriesUnderHubsServiceName() throws Exception {
    start(hub().build());

    RawHttp.Response challenge = http.get(MANIFEST);
    assertThat(challenge.status()).isEqualTo(401);
    assertThat(challenge.header("WWW-Authenticate"))
        .contains("service=\"registry.docker.io\"")
        .contains("scope=\"repository:library/app:pull\"");
    assertThat(manifest("GET", token(null)).status()).isEqualTo(200);
  }

  @Test
  void manifestGetCountsAndHeadDoesNotUntilTheLimitAnswers429() throws Exception {
    start(hub().build());
    String token = token(null);

    List<String> remaining = new ArrayList<>();
    for (String method : List.of("HEAD", "HEAD", "GET", "HEAD", "GET", "GET")) {
      RawHttp.Response r = manifest(method, token);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("ratelimit-limit")).isEqualTo("3;w=21600");
      assertThat(r.header("docker-ratelimit-source")).isEqualTo("127.0.0.1");
      remaining.add(r.header("ratelimit-remaining"));
    }
    assertThat(remaining)
        .containsExactly(
            "3;w=21600", "3;w=21600", "2;w=21600", "2;w=21600", "1;w=21600", "0;w=21600");

    RawHttp.Response over = manifest("GET", token);
    assertThat(over.status()).isEqualTo(429);
    JsonNode error = JSON.readTree(over.body()).path("errors").get(0);
    assertThat(error.path("code").asText()).isEqualTo("TOOMANYREQUESTS");
    assertThat(error.path("message").asText()).isEqualTo(DockerHub.DEFAULT_MESSAGE);
    assertThat(over.header("ratelimit-remaining")).isEqualTo("0;w=21600");
    assertThat(manifest("HEAD", token).status()).as("HEAD still answers").isEqualTo(200);
  }

  @Test
  void signedInUsersCountSeparatelyUnderTheirOwnLimit() throws Exception {
    start(hub().build());
    String anonymous = token(null);
    for (int i = 0; i < 3; i++) {
      manifest("GET", anonymous);
    }
    assertThat(manifest("GET", anonymous).status()).isEqualTo(429);

    RawHttp.Response alice = manifest("GET", token("alice:pw"));

    assertThat(alice.status()).isEqualTo(200);
    assertThat(alice.header("ratelimit-limit")).isEqualTo("5;w=21600");
    assertThat(alice.header("ratelimit-remaining")).isEqualTo("4;w=21600");
    assertThat(alice.header("docker-ratelimit-source")).isEqualTo("alice");
  }

  @Test
  void pullsLeaveTheSlidingWindowAsTheClockMoves() throws Exception {
    start(hub().pullLimit(1, 1, Duration.ofSeconds(60)).build());
    String token = token(null);
    assertThat(manifest("GET", token).status()).isEqualTo(200);
    assertThat(manifest("GET", token).status()).isEqualTo(429);

    clock.advance(Duration.ofSeconds(61));

    RawHttp.Response again = manifest("GET", token);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("ratelimit-remaining")).isEqualTo("0;w=60");
  }

  @Test
  void theMessageIsConfigurable() throws Exception {
    start(hub().pullLimit(0, 0, Duration.ofHours(1)).message("slow down").build());
    RawHttp.Response r = manifest("GET", token(null));
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.text()).contains("\"message\":\"slow down\"");
  }

  @Test
  void theAbuseLimitAnswersABare429ToAnyRequest() throws Exception {
    start(DockerHub.builder().abuseLimit(2, Duration.ofMinutes(1)).build());

    assertThat(http.get("/v2/").status()).isEqualTo(401);
    assertThat(http.get("/v2/").status()).isEqualTo(401);
    RawHttp.Response bare = http.get("/v2/");

    assertThat(bare.status()).isEqualTo(429);
    assertThat(bare.body()).isEmpty();
    assertThat(bare.header("Docker-Distribution-API-Version")).isNull();
    registry.journal().awaitQuiet(Duration.ofSeconds(5));
    assertThat(registry.journal().all().get(2).errorCode()).isNull();
  }

  @Test
  void withoutAPullLimitNoHeadersAppear() throws Exception {
    start(DockerHub.builder().build());
    RawHttp.Response r = manifest("GET", token(null));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("ratelimit-limit")).isNull();
  }
}
