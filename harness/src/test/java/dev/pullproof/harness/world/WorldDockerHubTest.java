package dev.pullproof.harness.world;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry with docker_hub behaves like Hub: its auth shape and its pull rate limit. */
class WorldDockerHubTest {
  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final LoopbackPool pool = new LoopbackPool("127.0.89", 10, 30);

  private HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anonymousPullsPastTheLimitGet429WithHubsHeaders() throws Exception {
    Scenario s =
        ScenarioFiles.parse(
            dir,
            """
            name = "h"
            [registries.hub]
            docker_hub = { anonymous_limit = 2, window = "6h", retry_after = "10s" }
            images = ["library/app:1.0"]
            [[pull]]
            image = "{{hub.address}}/library/app:1.0"
            """);
    try (World world = new WorldInstaller(pool, Clock.systemUTC()).start(s)) {
      String url = world.host("hub").url();
      HttpResponse<String> challenge = get(url + "/v2/library/app/manifests/1.0", null);
      assertThat(challenge.statusCode()).isEqualTo(401);
      assertThat(challenge.headers().firstValue("WWW-Authenticate").orElseThrow())
          .contains("realm=\"" + url + "/token\"")
          .contains("service=\"registry.docker.io\"");
      String token =
          new ObjectMapper()
              .readTree(
                  get(
                          url
                              + "/token?service=registry.docker.io"
                              + "&scope=repository:library/app:pull",
                          null)
                      .body())
              .path("token")
              .asText();
      HttpResponse<String> first = get(url + "/v2/library/app/manifests/1.0", token);
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("ratelimit-limit")).contains("2;w=21600");
      assertThat(first.headers().firstValue("ratelimit-remaining")).contains("1;w=21600");
      assertThat(get(url + "/v2/library/app/manifests/1.0", token).statusCode()).isEqualTo(200);
      HttpResponse<String> limited = get(url + "/v2/library/app/manifests/1.0", token);
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.body()).contains("TOOMANYREQUESTS").contains("pull rate limit");
      assertThat(limited.headers().firstValue("Retry-After")).contains("10");
    }
  }
}
