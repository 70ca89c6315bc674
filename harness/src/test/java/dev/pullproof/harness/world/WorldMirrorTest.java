package dev.pullproof.harness.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mirror of the world pulls through from the registry it names: seen from both journals. */
class WorldMirrorTest {
  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final LoopbackPool pool = new LoopbackPool("127.0.87", 10, 30);

  private World start(String registries) {
    Scenario s =
        ScenarioFiles.parse(
            dir, "name = \"m\"\n" + registries + "\n[[pull]]\nimage = \"a.test/app:1\"\n");
    return new WorldInstaller(pool, Clock.systemUTC()).start(s);
  }

  private HttpResponse<String> get(World world, String name, String path) throws Exception {
    var v = world.host(name);
    String scheme = v.url().substring(0, v.url().indexOf(':'));
    return http.send(
        HttpRequest.newBuilder(URI.create(scheme + "://" + v.ip() + ":" + v.port() + path))
            .header("Accept", "application/vnd.oci.image.manifest.v1+json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> lines(List<HostRequest> journal) {
    return journal.stream().map(e -> e.method() + " " + e.path() + " -> " + e.status()).toList();
  }

  @Test
  void aMirrorOfAnImpersonatedTokenRegistryFetchesWithItsCredentialsOnce() throws Exception {
    try (World world =
        start(
            """
            [registries.hub]
            host = "registry.pullproof.test"
            port = 5080
            auth = { type = "token", users = { mirror = "pw" } }
            images = ["library/app:1.0"]
            [registries.cache]
            mirror_of = { registry = "hub", credentials = { username = "mirror", password = "pw" } }
            """)) {
      String manifest = "/v2/library/app/manifests/1.0";
      HttpResponse<String> first = get(world, "cache", manifest);
      assertThat(first.statusCode()).isEqualTo(200);
      Matcher layer = Pattern.compile("\"(sha256:[0-9a-f]{64})\"").matcher(first.body());
      assertThat(layer.find()).isTrue();
      assertThat(get(world, "cache", "/v2/library/app/blobs/" + layer.group(1)).statusCode())
          .isEqualTo(200);
      assertThat(get(world, "cache", manifest).statusCode()).isEqualTo(200);
      var journals = world.journals();
      assertThat(lines(journals.get("hub")))
          .contains("GET /token -> 200", "GET " + manifest + " -> 200")
          .filteredOn(l -> l.startsWith("GET " + manifest + " -> 200"))
          .hasSize(1);
      assertThat(journals.get("hub"))
          .filteredOn(e -> e.path().equals("/token"))
          .allSatisfy(e -> assertThat(e.principal().identity()).isEqualTo("mirror"));
    }
  }

  @Test
  void aPartialManifestsOnlyMirrorRefusesOtherRepositoriesAndBlobs() throws Exception {
    try (World world =
        start(
            """
            [registries.hub]
            images = ["library/app:1.0", "team/api:3"]
            [registries.cache]
            mirror_of = { registry = "hub", repositories = ["library/*"], manifests_only = true }
            """)) {
      HttpResponse<String> manifest = get(world, "cache", "/v2/library/app/manifests/1.0");
      assertThat(manifest.statusCode()).isEqualTo(200);
      Matcher layer = Pattern.compile("\"(sha256:[0-9a-f]{64})\"").matcher(manifest.body());
      assertThat(layer.find()).isTrue();
      HttpResponse<String> blob = get(world, "cache", "/v2/library/app/blobs/" + layer.group(1));
      assertThat(blob.statusCode()).isEqualTo(404);
      assertThat(blob.body()).contains("BLOB_UNKNOWN");
      HttpResponse<String> other = get(world, "cache", "/v2/team/api/manifests/3");
      assertThat(other.statusCode()).isEqualTo(404);
      assertThat(other.body()).contains("NAME_UNKNOWN");
      assertThat(lines(world.journals().get("hub")))
          .containsExactly("GET /v2/library/app/manifests/1.0 -> 200");
    }
  }

  @Test
  void aMirrorOfATlsUpstreamTrustsTheWorldsCaAndOfADeadHostAnswers502() throws Exception {
    try (World world =
        start(
            """
            [registries.hub]
            tls = { client_certificates = true }
            images = ["library/app:1.0"]
            [registries.cache]
            mirror_of = "hub"
            [registries.gone]
            down = "refused"
            [registries.stale]
            mirror_of = "gone"
            """)) {
      assertThat(get(world, "cache", "/v2/library/app/manifests/1.0").statusCode()).isEqualTo(200);
      HttpResponse<String> failed = get(world, "stale", "/v2/library/app/manifests/1.0");
      assertThat(failed.statusCode()).isEqualTo(502);
      assertThat(failed.body()).contains("UNAVAILABLE");
    }
  }
}
