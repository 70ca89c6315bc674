package dev.pullproof.harness.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario registries become real fake registries: checked with a plain HTTP client. */
class WorldInstallerTest {
  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  // Addresses apart from the standard pool, so parallel test runs on this machine do not collide.
  private final LoopbackPool pool = new LoopbackPool("127.0.83", 10, 20);
  private final WorldInstaller installer = new WorldInstaller(pool, Clock.systemUTC());

  private HttpResponse<String> get(String url, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anAnonymousRegistryServesItsImagesOnItsOwnLoopbackAddress() throws Exception {
    Scenario s =
        ScenarioFiles.parse(
            dir,
            """
            name = "w"
            [registries.plain]
            images = ["library/app:1.0", { name = "team/multi:2", multi_arch = true, layers = ["1KiB"] }]
            [[pull]]
            image = "{{plain.address}}/library/app:1.0"
            """);
    try (World world = installer.start(s)) {
      var values = world.host("plain");
      assertThat(values.ip()).isEqualTo("127.0.83.10");
      assertThat(values.address()).isEqualTo("127.0.83.10:" + values.port());
      assertThat(world.extraHosts()).isEmpty();
      HttpResponse<String> manifest = get(values.url() + "/v2/library/app/manifests/1.0", null);
      assertThat(manifest.statusCode()).isEqualTo(200);
      assertThat(get(values.url() + "/v2/team/multi/manifests/2", null).body())
          .contains("\"architecture\":\"arm64\"");
      assertThat(world.journals().get("plain"))
          .extracting(e -> e.method() + " " + e.path() + " -> " + e.status())
          .containsExactly(
              "GET /v2/library/app/manifests/1.0 -> 200", "GET /v2/team/multi/manifests/2 -> 200");
    }
    assertThat(pool.lease()).isEqualTo("127.0.83.11");
  }

  @Test
  void basicAuthUsesTheScenariosUsersAndGrants() throws Exception {
    Scenario s =
        ScenarioFiles.parse(
            dir,
            """
            name = "w"
            [registries.corp]
            auth = { type = "basic", users = { ci = "s3cret", other = "pw" }, grants = [{ user = "ci", repository = "team/*" }] }
            images = ["team/app:1"]
            [[pull]]
            image = "{{corp.address}}/team/app:1"
            """);
    try (World world = installer.start(s)) {
      String base = world.host("corp").url() + "/v2/team/app/manifests/1";
      assertThat(get(base, null).statusCode()).isEqualTo(401);
      assertThat(get(base, basic("ci", "s3cret")).statusCode()).isEqualTo(200);
      assertThat(get(base, basic("ci", "wrong")).statusCode()).isEqualTo(401);
      assertThat(get(base, basic("other", "pw")).statusCode()).isEqualTo(403);
    }
  }

  @Test
  void tokenAuthChallengesWithARealmOnTheImpersonatedNameAndItsService() throws Exception {
    Scenario s =
        ScenarioFiles.parse(
            dir,
            """
            name = "w"
            [registries.hub]
            host = "registry.pullproof.test"
            port = 5443
            auth = { type = "token", users = { ci = "s3cret" }, public = ["library/*"] }
            images = ["library/app:1.0"]
            [[pull]]
            image = "registry.pullproof.test:5443/library/app:1.0"
            """);
    try (World world = installer.start(s)) {
      var values = world.host("hub");
      assertThat(values.address()).isEqualTo("registry.pullproof.test:5443");
      assertThat(world.extraHosts()).containsEntry("registry.pullproof.test", values.ip());
      String direct = "http://" + values.ip() + ":5443";
      HttpResponse<String> challenge = get(direct + "/v2/", null);
      assertThat(challenge.statusCode()).isEqualTo(401);
      assertThat(challenge.headers().firstValue("WWW-Authenticate").orElseThrow())
          .startsWith("Bearer realm=\"http://registry.pullproof.test:5443/token\"")
          .contains("service=\"registry.pullproof.test\"");
      HttpResponse<String> anonymous =
          get(
              direct + "/token?service=registry.pullproof.test&scope=repository:library/app:pull",
              null);
      assertThat(anonymous.statusCode()).isEqualTo(200);
      assertThat(anonymous.body()).contains("\"token\"");
    }
  }

  @Test
  void aRealmNamesAnotherHostOfTheWorldWhileTheTokenEndpointStaysOnTheRegistry() throws Exception {
    Scenario s =
        ScenarioFiles.parse(
            dir,
            """
            name = "w"
            [registries.hub]
            auth = { type = "token", users = { ci = "s3cret" }, realm = "{{auth.url}}/oauth/token" }
            images = ["library/app:1.0"]
            [registries.auth]
            host = "auth.pullproof.test"
            port = 5444
            down = "refused"
            [[pull]]
            image = "{{hub.address}}/library/app:1.0"
            """);
    try (World world = installer.start(s)) {
      String url = world.host("hub").url();
      HttpResponse<String> challenge = get(url + "/v2/library/app/manifests/1.0", null);
      assertThat(challenge.statusCode()).isEqualTo(401);
      assertThat(challenge.headers().firstValue("WWW-Authenticate").orElseThrow())
          .startsWith("Bearer realm=\"http://auth.pullproof.test:5444/oauth/token\"");
      assertThat(get(url + "/token?service=hub", null).statusCode()).isEqualTo(200);
    }
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
