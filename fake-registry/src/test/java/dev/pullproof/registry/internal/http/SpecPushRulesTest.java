package dev.pullproof.registry.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.RawHttp;
import dev.pullproof.registry.RawHttp.Response;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Referrer descriptors, the closing PUT's range rule and OCI-Tag, as the distribution spec says.
 */
class SpecPushRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private FakeRegistry registry;
  private RawHttp http;

  @BeforeEach
  void start() {
    registry = FakeRegistry.builder().start();
    http = new RawHttp(registry);
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void aReferrerWithoutArtifactTypeIsListedByItsConfigTypeWithItsAnnotations() throws Exception {
    Images.Pushed subject = Images.push(http, "r", "1.0");
    byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
    Digest c = Digest.sha256(config);
    http.send("POST", "/v2/r/blobs/uploads/?digest=" + c, Map.of(), config);
    byte[] manifest =
        ("{\"schemaVersion\":2,\"mediaType\":\""
                + MediaTypes.OCI_MANIFEST
                + "\","
                + "\"config\":{\"mediaType\":\"application/vnd.example.sbom\",\"digest\":\""
                + c
                + "\",\"size\":2},\"layers\":[],\"annotations\":{\"org.example\":\"yes\"},"
                + "\"subject\":{\"mediaType\":\""
                + MediaTypes.OCI_MANIFEST
                + "\",\"digest\":\""
                + subject.manifestDigest()
                + "\",\"size\":"
                + subject.manifestSize()
                + "}}")
            .getBytes(StandardCharsets.UTF_8);
    Response put =
        http.send(
            "PUT",
            "/v2/r/manifests/" + Digest.sha256(manifest),
            Map.of("Content-Type", MediaTypes.OCI_MANIFEST),
            manifest);
    assertThat(put.status()).as(put.text()).isEqualTo(201);

    Response filtered =
        http.get(
            "/v2/r/referrers/"
                + subject.manifestDigest()
                + "?artifactType=application/vnd.example.sbom");
    assertThat(filtered.header("OCI-Filters-Applied")).isEqualTo("artifactType");
    JsonNode entry = JSON.readTree(filtered.body()).path("manifests").path(0);
    assertThat(entry.path("artifactType").asText())
        .as(filtered.text())
        .isEqualTo("application/vnd.example.sbom");
    assertThat(entry.path("annotations").path("org.example").asText())
        .as(filtered.text())
        .isEqualTo("yes");
  }

  @Test
  void aClosingPutWhoseRangeDoesNotStartAtTheUploadSizeIs416() throws Exception {
    byte[] blob = PushPullProtocolTest.bytes(2000);
    String location =
        http.send("POST", "/v2/u/blobs/uploads/", Map.of(), new byte[0]).header("Location");
    http.send("PATCH", location, Map.of("Content-Range", "0-999"), Arrays.copyOf(blob, 1000));
    Response put =
        http.send(
            "PUT",
            location + "?digest=" + Digest.sha256(blob),
            Map.of("Content-Range", "1500-2499"),
            Arrays.copyOfRange(blob, 1000, 2000));
    assertThat(put.status()).as(put.text()).isEqualTo(416);
    assertThat(put.text()).contains("RANGE_INVALID");
    assertThat(put.header("Range")).isEqualTo("0-999");
  }

  @Test
  void aPushByDigestWithTagsAnswersOciTagForEach() throws Exception {
    Images.Pushed pushed = Images.push(http, "t", "1.0");
    Response get = http.get("/v2/t/manifests/" + pushed.manifestDigest());
    Response put =
        http.send(
            "PUT",
            "/v2/t/manifests/" + pushed.manifestDigest() + "?tag=a&tag=b",
            Map.of("Content-Type", get.header("Content-Type")),
            get.body());
    assertThat(put.status()).as(put.text()).isEqualTo(201);
    assertThat(put.header("OCI-Tag")).isEqualTo("a, b");
    assertThat(http.get("/v2/t/manifests/b").status()).isEqualTo(200);
  }
}
