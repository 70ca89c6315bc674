package dev.pullproof.harness.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioFiles;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A world file's timeouts and manifest lenience reach the fake registry. */
class WorldServerSettingsTest {
  private static final String ABSENT = "sha256:" + "1".repeat(64);
  private static final String SPARSE_INDEX =
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
          + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
          + "\"digest\":\""
          + ABSENT
          + "\",\"size\":1}]}";

  @TempDir Path dir;

  // Addresses apart from the standard pool and the other world tests'.
  private final LoopbackPool pool = new LoopbackPool("127.0.90", 10, 20);
  private final WorldInstaller installer = new WorldInstaller(pool, Clock.systemUTC());

  @Test
  void lenienceIsOnByDefaultAndOffWhenTheWorldSaysSo() throws Exception {
    Scenario s =
        ScenarioFiles.parse(
            dir,
            """
            name = "w"
            [registries.lenient]
            [registries.strict]
            lenient_manifests = false
            [[pull]]
            image = "{{lenient.address}}/app:1"
            """);
    try (World world = installer.start(s)) {
      assertThat(pushSparseIndex(world.host("lenient").url()).statusCode()).isEqualTo(201);
      HttpResponse<String> refused = pushSparseIndex(world.host("strict").url());
      assertThat(refused.statusCode()).isEqualTo(404);
      assertThat(refused.body()).contains("MANIFEST_BLOB_UNKNOWN");
    }
  }

  @Test
  void anIdleKeepAliveConnectionIsClosedAfterTheWorldsIdleTimeout() throws Exception {
    Scenario s =
        ScenarioFiles.parse(
            dir,
            """
            name = "w"
            [registries.quick]
            idle_timeout = "1s"
            header_timeout = "1s"
            [[pull]]
            image = "{{quick.address}}/app:1"
            """);
    try (World world = installer.start(s);
        Socket socket = new Socket(world.host("quick").ip(), world.host("quick").port())) {
      socket.getOutputStream().write("GET /v2/ HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      long start = System.nanoTime();
      byte[] buffer = new byte[4096];
      String answer = new String(buffer, 0, in.read(buffer), StandardCharsets.ISO_8859_1);
      assertThat(answer).startsWith("HTTP/1.1 200");
      while (in.read(buffer) >= 0) {
        // the rest of the answer, then the close
      }
      // Closed by the 1 s timeout, well before the 60 s default.
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(8_000);
    }
  }

  private static HttpResponse<String> pushSparseIndex(String url) throws Exception {
    HttpRequest put =
        HttpRequest.newBuilder(URI.create(url + "/v2/app/manifests/sparse"))
            .header("Content-Type", "application/vnd.oci.image.index.v1+json")
            .PUT(HttpRequest.BodyPublishers.ofString(SPARSE_INDEX))
            .build();
    return HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.ofString());
  }
}
