package dev.pullproof.registry.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.RawHttp;
import dev.pullproof.registry.RawHttp.Response;
import dev.pullproof.registry.protocol.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * sha512 wherever a digest goes: the digest a client names is the one verified and answered
 * (distribution-spec: pushing blobs, pushing manifests, {@code digest-algorithm}).
 */
class Sha512Test {
  private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
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
  void aMonolithicSha512PushIsStoredAndServedUnderThatDigest() throws IOException {
    byte[] blob = PushPullProtocolTest.bytes(5000);
    Digest digest = Digest.of("sha512", blob);
    Response push = http.send("POST", "/v2/a/blobs/uploads/?digest=" + digest, Map.of(), blob);
    assertThat(push.status()).as(push.text()).isEqualTo(201);
    assertThat(push.header("Docker-Content-Digest")).isEqualTo(digest.toString());
    Response get = http.get("/v2/a/blobs/" + digest);
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.header("Docker-Content-Digest")).isEqualTo(digest.toString());
    assertThat(get.body()).isEqualTo(blob);
  }

  @Test
  void chunkedUploadsVerifyTheFinalSha512WithOrWithoutDigestAlgorithm() throws IOException {
    byte[] blob = PushPullProtocolTest.bytes(3000);
    Digest digest = Digest.of("sha512", blob);
    for (String start : new String[] {"?digest-algorithm=sha512", ""}) {
      String location =
          http.send("POST", "/v2/c/blobs/uploads/" + start, Map.of(), new byte[0])
              .header("Location");
      Response chunk =
          http.send(
              "PATCH", location, Map.of("Content-Range", "0-1999"), Arrays.copyOf(blob, 2000));
      assertThat(chunk.status()).isEqualTo(202);
      Response put =
          http.send(
              "PUT",
              location + "?digest=" + digest,
              Map.of("Content-Range", "2000-2999"),
              Arrays.copyOfRange(blob, 2000, 3000));
      assertThat(put.status()).as(start + ": " + put.text()).isEqualTo(201);
      assertThat(http.get("/v2/c/blobs/" + digest).body()).isEqualTo(blob);
    }
  }

  @Test
  void aSha512BlobMountsIntoAnotherRepository() throws IOException {
    byte[] blob = PushPullProtocolTest.bytes(700);
    Digest digest = Digest.of("sha512", blob);
    http.send("POST", "/v2/src/blobs/uploads/?digest=" + digest, Map.of(), blob);
    Response mount =
        http.send(
            "POST", "/v2/dst/blobs/uploads/?mount=" + digest + "&from=src", Map.of(), new byte[0]);
    assertThat(mount.status()).isEqualTo(201);
    assertThat(http.get("/v2/dst/blobs/" + digest).body()).isEqualTo(blob);
  }

  @Test
  void aManifestPushedBySha512DigestIsAnsweredWithThatDigest() throws IOException {
    byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
    Digest configDigest = Digest.of("sha512", config);
    http.send("POST", "/v2/m/blobs/uploads/?digest=" + configDigest, Map.of(), config);
    byte[] manifest =
        Images.manifestJson(configDigest, config.length, configDigest, config.length)
            .getBytes(StandardCharsets.UTF_8);
    Digest digest = Digest.of("sha512", manifest);
    Response put =
        http.send(
            "PUT", "/v2/m/manifests/" + digest, Map.of("Content-Type", OCI_MANIFEST), manifest);
    assertThat(put.status()).as(put.text()).isEqualTo(201);
    assertThat(put.header("Docker-Content-Digest")).isEqualTo(digest.toString());
    Response get = http.get("/v2/m/manifests/" + digest);
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.header("Docker-Content-Digest")).isEqualTo(digest.toString());
    assertThat(get.body()).isEqualTo(manifest);
  }

  @Test
  void anUnknownAlgorithmIsDigestInvalidNamingTheKnownOnes() throws IOException {
    Response r =
        http.send("POST", "/v2/a/blobs/uploads/?digest-algorithm=md5", Map.of(), new byte[0]);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text()).contains("DIGEST_INVALID").contains("sha256, sha512");
  }
}
