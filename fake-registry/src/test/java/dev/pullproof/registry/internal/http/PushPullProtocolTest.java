package dev.pullproof.registry.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.RawHttp;
import dev.pullproof.registry.RawHttp.Response;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.MediaTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The push and pull halves of the distribution API, spoken over real HTTP. */
class PushPullProtocolTest {
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
  void versionCheckAnswers200WithApiVersionHeader() throws IOException {
    Response r = http.get("/v2/");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
  }

  @Test
  void monolithicPushThenHeadGetAndRange() throws IOException {
    byte[] blob = bytes(100_000);
    Digest digest = Digest.sha256(blob);
    Response push =
        http.send("POST", "/v2/team/app/blobs/uploads/?digest=" + digest, Map.of(), blob);
    assertThat(push.status()).isEqualTo(201);
    assertThat(push.header("Location")).isEqualTo("/v2/team/app/blobs/" + digest);
    assertThat(push.header("Docker-Content-Digest")).isEqualTo(digest.toString());

    Response head = http.send("HEAD", "/v2/team/app/blobs/" + digest, Map.of(), null);
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Length")).isEqualTo("100000");

    Response get = http.get("/v2/team/app/blobs/" + digest);
    assertThat(Digest.sha256(get.body())).isEqualTo(digest);

    Response range =
        http.send("GET", "/v2/team/app/blobs/" + digest, Map.of("Range", "bytes=10-19"), null);
    assertThat(range.status()).isEqualTo(206);
    assertThat(range.header("Content-Range")).isEqualTo("bytes 10-19/100000");
    assertThat(range.body()).isEqualTo(Arrays.copyOfRange(blob, 10, 20));

    Response suffix =
        http.send("GET", "/v2/team/app/blobs/" + digest, Map.of("Range", "bytes=-5"), null);
    assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(blob, 99_995, 100_000));
  }

  @Test
  void chunkedUploadChecksContentRangeAndDigest() throws IOException {
    byte[] blob = bytes(3000);
    Response start = http.send("POST", "/v2/app/blobs/uploads/", Map.of(), null);
    assertThat(start.status()).isEqualTo(202);
    assertThat(start.header("Range")).isEqualTo("0-0");
    String location = start.header("Location");

    Response first =
        http.send("PATCH", location, Map.of("Content-Range", "0-999"), Arrays.copyOf(blob, 1000));
    assertThat(first.status()).isEqualTo(202);
    assertThat(first.header("Range")).isEqualTo("0-999");

    Response outOfOrder =
        http.send("PATCH", location, Map.of("Content-Range", "2000-2999"), new byte[1000]);
    assertThat(outOfOrder.status()).isEqualTo(416);
    assertThat(outOfOrder.text()).contains("RANGE_INVALID");

    Response second =
        http.send(
            "PATCH",
            location,
            Map.of("Content-Range", "1000-2999"),
            Arrays.copyOfRange(blob, 1000, 3000));
    assertThat(second.header("Range")).isEqualTo("0-2999");
    assertThat(http.get(location).status()).isEqualTo(204);

    Digest digest = Digest.sha256(blob);
    Response done = http.send("PUT", location + "?digest=" + digest, Map.of(), new byte[0]);
    assertThat(done.status()).isEqualTo(201);
    assertThat(http.get("/v2/app/blobs/" + digest).body()).isEqualTo(blob);
    assertThat(http.get(location).status()).isEqualTo(404);
  }

  @Test
  void uploadWithWrongDigestIsDigestInvalidAndStoresNothing() throws IOException {
    Digest claimed = Digest.sha256("something else".getBytes(StandardCharsets.UTF_8));
    Response r = http.send("POST", "/v2/app/blobs/uploads/?digest=" + claimed, Map.of(), bytes(10));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text()).contains("DIGEST_INVALID");
    assertThat(http.get("/v2/app/blobs/" + claimed).status()).isEqualTo(404);
  }

  @Test
  void crossRepositoryMountLinksWithoutUploadAndFallsBackWhenSourceLacksBlob() throws IOException {
    byte[] blob = bytes(500);
    Digest digest = Digest.sha256(blob);
    http.send("POST", "/v2/source/blobs/uploads/?digest=" + digest, Map.of(), blob);

    Response mounted =
        http.send(
            "POST", "/v2/target/blobs/uploads/?mount=" + digest + "&from=source", Map.of(), null);
    assertThat(mounted.status()).isEqualTo(201);
    assertThat(http.get("/v2/target/blobs/" + digest).body()).isEqualTo(blob);

    Response fallback =
        http.send(
            "POST", "/v2/other/blobs/uploads/?mount=" + digest + "&from=nowhere", Map.of(), null);
    assertThat(fallback.status()).isEqualTo(202);
    assertThat(fallback.header("Location")).startsWith("/v2/other/blobs/uploads/");
  }

  @Test
  void blobsAreVisibleOnlyInRepositoriesTheyWerePushedTo() throws IOException {
    byte[] blob = bytes(64);
    Digest digest = Digest.sha256(blob);
    http.send("POST", "/v2/one/blobs/uploads/?digest=" + digest, Map.of(), blob);
    Response r = http.get("/v2/two/blobs/" + digest);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.text()).contains("BLOB_UNKNOWN");
  }

  @Test
  void manifestPushByTagThenPullByTagAndDigest() throws IOException {
    Images.Pushed image = Images.push(http, "library/app", "1.0");
    Response get =
        http.send(
            "GET",
            "/v2/library/app/manifests/1.0",
            Map.of("Accept", MediaTypes.OCI_MANIFEST),
            null);
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.header("Content-Type")).isEqualTo(MediaTypes.OCI_MANIFEST);
    assertThat(get.header("Docker-Content-Digest")).isEqualTo(image.manifestDigest().toString());
    assertThat(Digest.sha256(get.body())).isEqualTo(image.manifestDigest());

    Response head =
        http.send("HEAD", "/v2/library/app/manifests/" + image.manifestDigest(), Map.of(), null);
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(get.body().length));
  }

  @Test
  void manifestReferencingAMissingBlobIsRejected() throws IOException {
    String manifest =
        Images.manifestJson(Digest.sha256(new byte[] {1}), 1, Digest.sha256(new byte[] {2}), 1);
    Response r =
        http.send(
            "PUT",
            "/v2/app/manifests/1.0",
            Map.of("Content-Type", MediaTypes.OCI_MANIFEST),
            manifest.getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.text()).contains("MANIFEST_BLOB_UNKNOWN");
  }

  @Test
  void indexIsNegotiatedDownToTheAmd64ManifestForClientsThatCannotReadIt() throws IOException {
    Images.Pushed image = Images.push(http, "multi", "x");
    Digest index = Images.pushIndex(http, "multi", "1.0", image);

    Response modern =
        http.send(
            "GET",
            "/v2/multi/manifests/1.0",
            Map.of("Accept", MediaTypes.OCI_INDEX + ", " + MediaTypes.OCI_MANIFEST),
            null);
    assertThat(modern.header("Docker-Content-Digest")).isEqualTo(index.toString());

    Response old =
        http.send(
            "GET", "/v2/multi/manifests/1.0", Map.of("Accept", MediaTypes.OCI_MANIFEST), null);
    assertThat(old.header("Docker-Content-Digest")).isEqualTo(image.manifestDigest().toString());

    Response none =
        http.send(
            "GET", "/v2/multi/manifests/1.0", Map.of("Accept", MediaTypes.DOCKER_MANIFEST), null);
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.text()).contains("MANIFEST_UNKNOWN").contains("accepts only");
  }

  @Test
  void tagsListPaginatesWithLinkHeader() throws IOException {
    for (String tag : new String[] {"c", "a", "b", "d"}) {
      Images.push(http, "paged", tag);
    }
    Response first = http.get("/v2/paged/tags/list?n=2");
    assertThat(first.text()).isEqualTo("{\"name\":\"paged\",\"tags\":[\"a\",\"b\"]}");
    assertThat(first.header("Link")).isEqualTo("</v2/paged/tags/list?n=2&last=b>; rel=\"next\"");
    Response next = http.get("/v2/paged/tags/list?n=2&last=b");
    assertThat(next.text()).isEqualTo("{\"name\":\"paged\",\"tags\":[\"c\",\"d\"]}");
    assertThat(next.header("Link")).isNull();
  }

  @Test
  void catalogListsRepositoriesInOrder() throws IOException {
    Images.push(http, "zeta/app", "1");
    Images.push(http, "alpha", "1");
    assertThat(http.get("/v2/_catalog").text())
        .isEqualTo("{\"repositories\":[\"alpha\",\"zeta/app\"]}");
    assertThat(http.get("/v2/_catalog?n=1").text()).isEqualTo("{\"repositories\":[\"alpha\"]}");
  }

  @Test
  void deleteRemovesManifestTagAndBlob() throws IOException {
    Images.Pushed image = Images.push(http, "gone", "1.0");
    assertThat(
            http.send("DELETE", "/v2/gone/manifests/" + image.manifestDigest(), Map.of(), null)
                .status())
        .isEqualTo(202);
    assertThat(http.get("/v2/gone/manifests/1.0").status()).isEqualTo(404);
    assertThat(
            http.send("DELETE", "/v2/gone/blobs/" + image.layerDigest(), Map.of(), null).status())
        .isEqualTo(202);
    assertThat(http.get("/v2/gone/blobs/" + image.layerDigest()).status()).isEqualTo(404);
  }

  @Test
  void referrersListsManifestsWhoseSubjectIsTheDigest() throws IOException {
    Images.Pushed image = Images.push(http, "signed", "1.0");
    Digest referrer = Images.pushReferrer(http, "signed", image);
    Response r = http.get("/v2/signed/referrers/" + image.manifestDigest());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo(MediaTypes.OCI_INDEX);
    assertThat(r.text())
        .contains(referrer.toString())
        .contains("application/vnd.example.signature");
  }

  @Test
  void journalRecordsEachExchangeWithStatusAndBytes() throws Exception {
    http.get("/v2/");
    http.get("/v2/nothing/manifests/1.0");
    // Entries are recorded when the exchange completes, just after the client has its response.
    registry.takeRequest(java.time.Duration.ofSeconds(5));
    registry.takeRequest(java.time.Duration.ofSeconds(5));
    var entries = registry.journal().all();
    assertThat(entries).hasSize(2);
    assertThat(entries.get(1).status()).isEqualTo(404);
    assertThat(entries.get(1).errorCode()).isEqualTo("NAME_UNKNOWN");
    assertThat(entries.get(1).routeKind()).isEqualTo("manifest");
    assertThat(entries.get(1).repository()).isEqualTo("nothing");
    assertThat(entries.get(0).responseBytes()).isEqualTo(2);
    registry.journal().assertRequested("GET /v2/ -> 200", 1);
  }

  static byte[] bytes(int size) {
    byte[] b = new byte[size];
    new java.util.SplittableRandom(size).nextBytes(b);
    return b;
  }
}
