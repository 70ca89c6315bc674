package dev.pullproof.harness.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioFiles;
import dev.pullproof.testing.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario's fault tables fire on the installed registry as written: seen with an HTTP client.
 */
class WorldFaultsTest {
  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final LoopbackPool pool = new LoopbackPool("127.0.85", 10, 30);

  private World start(String toml, Clock clock) {
    Scenario s = ScenarioFiles.parse(dir, toml + "\n[[pull]]\nimage = \"a.test/app:1\"\n");
    return new WorldInstaller(pool, clock).start(s);
  }

  private HttpResponse<String> send(String method, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aStatusFaultOnTheFirstTwoManifestGetsFailsThemWithRetryAfterThenLetsThrough()
      throws Exception {
    try (World world =
        start(
            """
            name = "f"
            [registries.hub]
            images = ["library/app:1.0"]
            [[registries.hub.faults]]
            name = "outage"
            route = "manifest"
            method = "GET"
            repository = "library/*"
            fault = { status = { code = 503, retry_after = "2s" } }
            first = 2
            """,
            Clock.systemUTC())) {
      String manifest = world.host("hub").url() + "/v2/library/app/manifests/1.0";
      assertThat(send("HEAD", manifest).statusCode()).isEqualTo(200);
      HttpResponse<String> first = send("GET", manifest);
      assertThat(first.statusCode()).isEqualTo(503);
      assertThat(first.headers().firstValue("Retry-After")).contains("2");
      assertThat(first.body()).contains("UNAVAILABLE");
      assertThat(send("GET", manifest).statusCode()).isEqualTo(503);
      assertThat(send("GET", manifest).statusCode()).isEqualTo(200);
      assertThat(world.journals().get("hub"))
          .extracting(e -> e.method() + " " + e.status() + " " + e.fault())
          .containsExactly(
              "HEAD 200 null",
              "GET 503 outage: status 503 UNAVAILABLE {Retry-After=2}",
              "GET 503 outage: status 503 UNAVAILABLE {Retry-After=2}",
              "GET 200 null");
    }
  }

  @Test
  void aSequenceAppliesItsFaultsInTurnAndAnErrorCodeReplacesTheDefault() throws Exception {
    try (World world =
        start(
            """
            name = "f"
            [registries.hub]
            [[registries.hub.faults]]
            route = "version-check"
            fault = [{ status = { code = 429, error = "DENIED", message = "slow down" } }, "none"]
            """,
            Clock.systemUTC())) {
      String base = world.host("hub").url() + "/v2/";
      List<Integer> statuses = new ArrayList<>();
      HttpResponse<String> limited = send("GET", base);
      statuses.add(limited.statusCode());
      for (int i = 0; i < 3; i++) {
        statuses.add(send("GET", base).statusCode());
      }
      assertThat(statuses).containsExactly(429, 200, 429, 200);
      assertThat(limited.body()).contains("\"code\":\"DENIED\"").contains("slow down");
    }
  }

  @Test
  void aRedirectNamingAnotherRegistryPointsAtItsUrl() throws Exception {
    try (World world =
        start(
            """
            name = "f"
            [registries.hub]
            [registries.cdn]
            [[registries.hub.faults]]
            route = "version-check"
            fault = { redirect = { to = "cdn", status = 302 } }
            """,
            Clock.systemUTC())) {
      HttpResponse<String> moved = send("GET", world.host("hub").url() + "/v2/");
      assertThat(moved.statusCode()).isEqualTo(302);
      assertThat(moved.headers().firstValue("Location")).contains(world.host("cdn").url() + "/v2/");
    }
  }

  @Test
  void aClosedConnectionIsAnIoErrorAndEveryOtherMatchPassesWithEvery() throws Exception {
    try (World world =
        start(
            """
            name = "f"
            [registries.hub]
            [[registries.hub.faults]]
            route = "version-check"
            fault = "close"
            every = 2
            """,
            Clock.systemUTC())) {
      // Raw requests: java.net.http would retry a GET whose connection closed.
      var hub = world.host("hub");
      assertThat(RawHttp.get(hub.ip(), hub.port(), "/v2/")).startsWith("HTTP/1.1 200");
      assertThat(RawHttp.get(hub.ip(), hub.port(), "/v2/")).isEmpty();
      assertThat(RawHttp.get(hub.ip(), hub.port(), "/v2/")).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void aTimeWindowCountsFromTheWorldsStartOnItsClock() throws Exception {
    ManualClock clock = new ManualClock();
    try (World world =
        start(
            """
            name = "f"
            [registries.hub]
            [[registries.hub.faults]]
            fault = { status = 500 }
            window = [{ from = "10s", to = "20s" }, { from = "1h" }]
            """,
            clock)) {
      String base = world.host("hub").url() + "/v2/";
      assertThat(send("GET", base).statusCode()).isEqualTo(200);
      clock.advance(Duration.ofSeconds(15));
      assertThat(send("GET", base).statusCode()).isEqualTo(500);
      clock.advance(Duration.ofSeconds(10));
      assertThat(send("GET", base).statusCode()).isEqualTo(200);
      clock.advance(Duration.ofHours(1));
      assertThat(send("GET", base).statusCode()).isEqualTo(500);
    }
  }

  @Test
  void aSeededChanceFiresTheSameRequestsInEveryWorld() throws Exception {
    String toml =
        """
        name = "f"
        [registries.hub]
        [[registries.hub.faults]]
        fault = { html = 502 }
        chance = 0.5
        seed = 7
        """;
    List<List<Integer>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (World world = start(toml, Clock.systemUTC())) {
        String base = world.host("hub").url() + "/v2/";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          statuses.add(send("GET", base).statusCode());
        }
        runs.add(statuses);
      }
    }
    assertThat(runs.get(0)).contains(200, 502).isEqualTo(runs.get(1));
  }
}
