package dev.pullproof.registry.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.RawHttp;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.content.PublishedImage;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.MediaTypes;
import dev.pullproof.registry.protocol.RepositoryName;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A pull-through mirror at the protocol level: what it fetches, stores, refuses and records. */
class PullThroughTest {
  private static final Duration QUIET = Duration.ofSeconds(5);
  private static final Map<String, String> OCI = Map.of("Accept", MediaTypes.OCI_MANIFEST);

  private FakeRegistry upstream;
  private FakeRegistry mirror;

  @AfterEach
  void close() {
    if (mirror != null) {
      mirror.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  @Test
  void aMissIsFetchedFromATokenUpstreamWithTheMirrorsCredentials() throws Exception {
    upstream =
        FakeRegistry.builder()
            .tokenAuth(TokenService.builder().service("hub.test").build(), Users.of("mirror", "pw"))
            .start();
    PublishedImage image = publish(upstream, "library/app");
    mirror =
        FakeRegistry.builder()
            .mirrorOf(MirrorConfig.of(upstream.url()).withCredentials("mirror", "pw"))
            .start();

    RawHttp.Response manifest = get(mirror, "/v2/library/app/manifests/1.0");
    RawHttp.Response blob = get(mirror, "/v2/library/app/blobs/" + layer(image));

    assertThat(manifest.status()).isEqualTo(200);
    assertThat(manifest.header("Docker-Content-Digest")).isEqualTo(image.digest().toString());
    assertThat(blob.status()).isEqualTo(200);
    assertThat(Digest.sha256(blob.body())).isEqualTo(layer(image));
    upstream.journal().awaitQuiet(QUIET);
    upstream.journal().assertRequested("GET /v2/library/app/manifests/1.0 -> 401");
    upstream.journal().assertRequested("GET /token -> 200");
    upstream.journal().assertRequested("GET /v2/library/app/manifests/1.0 -> 200");
    upstream.journal().assertRequested("GET /v2/library/app/blobs/" + layer(image) + " -> 200");
    assertThat(upstream.journal().matching("GET /token -> 200"))
        .allSatisfy(e -> assertThat(e.principal().identity()).isEqualTo("mirror"))
        .allSatisfy(e -> assertThat(e.query()).contains("scope=repository%3Alibrary%2Fapp%3Apull"));
  }

  @Test
  void aSecondPullIsServedFromTheMirrorsOwnCopy() throws Exception {
    upstream = FakeRegistry.builder().basicAuth(Users.of("mirror", "pw")).start();
    PublishedImage image = publish(upstream, "library/app");
    mirror =
        FakeRegistry.builder()
            .mirrorOf(MirrorConfig.of(upstream.url()).withCredentials("mirror", "pw"))
            .start();
    get(mirror, "/v2/library/app/manifests/1.0");
    get(mirror, "/v2/library/app/blobs/" + layer(image));
    upstream.journal().awaitQuiet(QUIET);
    int upstreamRequests = upstream.journal().all().size();

    assertThat(get(mirror, "/v2/library/app/manifests/1.0").status()).isEqualTo(200);
    assertThat(get(mirror, "/v2/library/app/blobs/" + layer(image)).status()).isEqualTo(200);

    upstream.journal().awaitQuiet(QUIET);
    assertThat(upstream.journal().all()).hasSize(upstreamRequests);
    assertThat(upstream.journal().all())
        .filteredOn(e -> e.status() == 200)
        .allSatisfy(e -> assertThat(e.principal().scheme()).isEqualTo("basic"));
    assertThat(mirror.content().repository(RepositoryName.of("library/app")).tags())
        .containsExactly("1.0");
  }

  @Test
  void parallelRequestsForOneMissingBlobMakeOneUpstreamFetch() throws Exception {
    upstream = FakeRegistry.builder().start();
    PublishedImage image = publish(upstream, "library/app");
    mirror = FakeRegistry.builder().mirrorOf(MirrorConfig.of(upstream.url())).start();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      var answers = new java.util.ArrayList<java.util.concurrent.Future<RawHttp.Response>>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> get(mirror, "/v2/library/app/blobs/" + layer(image))));
      }
      for (var answer : answers) {
        assertThat(answer.get().status()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    upstream.journal().awaitQuiet(QUIET);
    upstream.journal().assertRequested("GET /v2/library/app/blobs/" + layer(image) + " -> 200", 1);
  }

  @Test
  void aManifestHeadAsContainerdSendsFirstIsAnsweredFromAnUpstreamGet() throws Exception {
    upstream = FakeRegistry.builder().start();
    PublishedImage image = publish(upstream, "library/app");
    mirror = FakeRegistry.builder().mirrorOf(MirrorConfig.of(upstream.url())).start();

    RawHttp.Response head =
        new RawHttp(mirror).send("HEAD", "/v2/library/app/manifests/1.0?ns=docker.io", OCI, null);

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Docker-Content-Digest")).isEqualTo(image.digest().toString());
    upstream.journal().awaitQuiet(QUIET);
    upstream.journal().assertRequested("GET /v2/library/app/manifests/1.0 -> 200", 1);
    upstream.journal().assertNotRequested("HEAD *");
  }

  @Test
  void theNsParameterContainerdSendsIsRecorded() throws Exception {
    upstream = FakeRegistry.builder().start();
    publish(upstream, "library/app");
    mirror = FakeRegistry.builder().mirrorOf(MirrorConfig.of(upstream.url())).start();

    get(mirror, "/v2/library/app/manifests/1.0?ns=docker.io");

    mirror.journal().awaitQuiet(QUIET);
    JournalEntry entry =
        mirror.journal().assertRequested("GET /v2/library/app/manifests/1.0 -> 200");
    assertThat(entry.queryParameter("ns")).contains("docker.io");
    assertThat(entry.queryParameter("absent")).isEmpty();
  }

  @Test
  void aPartialMirrorAnswersNameUnknownForRepositoriesItDoesNotMirror() throws Exception {
    upstream = FakeRegistry.builder().start();
    publish(upstream, "team/app");
    mirror =
        FakeRegistry.builder()
            .mirrorOf(MirrorConfig.of(upstream.url()).withRepositories("library/*"))
            .start();

    RawHttp.Response r = get(mirror, "/v2/team/app/manifests/1.0");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.text()).contains("NAME_UNKNOWN").contains("team/app is not mirrored here");
    upstream.journal().awaitQuiet(QUIET);
    assertThat(upstream.journal().all()).isEmpty();
  }

  @Test
  void aManifestsOnlyMirrorAnswersBlobUnknownForBlobs() throws Exception {
    upstream = FakeRegistry.builder().start();
    PublishedImage image = publish(upstream, "library/app");
    mirror =
        FakeRegistry.builder()
            .mirrorOf(MirrorConfig.of(upstream.url()).carrying(MirrorConfig.Carries.MANIFESTS_ONLY))
            .start();

    assertThat(get(mirror, "/v2/library/app/manifests/1.0").status()).isEqualTo(200);
    RawHttp.Response blob = get(mirror, "/v2/library/app/blobs/" + layer(image));

    assertThat(blob.status()).isEqualTo(404);
    assertThat(blob.text()).contains("BLOB_UNKNOWN").contains("carries manifests only");
    upstream.journal().awaitQuiet(QUIET);
    upstream.journal().assertNotRequested("GET /v2/library/app/blobs/*");
  }

  @Test
  void anUpstream404PassesOnWithItsCode() throws Exception {
    upstream = FakeRegistry.builder().start();
    publish(upstream, "library/app");
    mirror = FakeRegistry.builder().mirrorOf(MirrorConfig.of(upstream.url())).start();

    RawHttp.Response tag = get(mirror, "/v2/library/app/manifests/9.9");
    RawHttp.Response repo = get(mirror, "/v2/library/none/manifests/1.0");

    assertThat(tag.status()).isEqualTo(404);
    assertThat(tag.text()).contains("MANIFEST_UNKNOWN").contains("unknown tag library/app:9.9");
    assertThat(repo.status()).isEqualTo(404);
    assertThat(repo.text()).contains("NAME_UNKNOWN");
  }

  @Test
  void wrongUpstreamCredentialsMakeTheMirrorAnswer502() throws Exception {
    upstream = FakeRegistry.builder().basicAuth(Users.of("mirror", "pw")).start();
    publish(upstream, "library/app");
    mirror =
        FakeRegistry.builder()
            .mirrorOf(MirrorConfig.of(upstream.url()).withCredentials("mirror", "wrong"))
            .start();

    RawHttp.Response r = get(mirror, "/v2/library/app/manifests/1.0");

    assertThat(r.status()).isEqualTo(502);
    assertThat(r.text()).contains("UNAVAILABLE").contains("answered 401");
    upstream.journal().awaitQuiet(QUIET);
    upstream.journal().assertRequested("GET /v2/library/app/manifests/1.0 -> 401", 2);
  }

  @Test
  void theMirrorsOwnTokenAuthGuardsItBeforeTheUpstreamIsAsked() throws Exception {
    upstream = FakeRegistry.builder().start();
    publish(upstream, "library/app");
    mirror =
        FakeRegistry.builder()
            .tokenAuth(
                TokenService.builder().service("mirror.test").build(), Users.of("node", "pw"))
            .mirrorOf(MirrorConfig.of(upstream.url()))
            .start();

    RawHttp.Response r = get(mirror, "/v2/library/app/manifests/1.0");

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate"))
        .contains("realm=\"" + mirror.url() + "/token\"")
        .contains("service=\"mirror.test\"");
    upstream.journal().awaitQuiet(QUIET);
    assertThat(upstream.journal().all()).isEmpty();
  }

  @Test
  void badMirrorSettingsAreRejectedByName() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MirrorConfig.of("ftp://x"))
        .hasMessageContaining("mirror upstream must be http(s)://host[:port]");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> MirrorConfig.of("http://127.0.0.1:1").withRepositories("bad glob"))
        .hasMessageContaining("mirror repositories");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> MirrorConfig.of("http://127.0.0.1:1").withCredentials("", "x"))
        .hasMessageContaining("mirror credentials");
  }

  private static PublishedImage publish(FakeRegistry registry, String repository) {
    return new ImagePublisher(registry.content())
        .publish(RepositoryName.of(repository), "1.0", ImageSpec.builder().layers(4096).build());
  }

  private static Digest layer(PublishedImage image) {
    return image.representations().get(0).platforms().get(0).layers().get(0).digest();
  }

  private static RawHttp.Response get(FakeRegistry registry, String path) throws Exception {
    return new RawHttp(registry).send("GET", path, OCI, null);
  }
}
