package dev.pullproof.registry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.content.PublishedImage;
import dev.pullproof.registry.mirror.MirrorConfig;
import dev.pullproof.registry.tls.CertificateAuthority;
import dev.pullproof.registry.tls.TlsConfig;
import dev.pullproof.testing.Needs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real skopeo pulling through a mirror: an HTTPS mirror with its own Basic auth in front of an
 * HTTPS upstream with token auth, both certified by the run's CA; and partial mirrors refusing.
 */
@Needs(clients = "skopeo")
class SkopeoMirrorIT extends RegistryUnderTest {
  private static final Duration QUIET = Duration.ofSeconds(5);
  private final ClientTool skopeo = ClientTool.require("skopeo");
  private final CertificateAuthority ca =
      CertificateAuthority.create("pullproof test CA", Clock.systemUTC());
  private FakeRegistry upstream;
  private Path certDir;

  @TempDir Path temp;

  @BeforeEach
  void startTheUpstream() throws Exception {
    certDir = temp.resolve("certs");
    ca.writeCertificate(certDir.resolve("ca.crt"));
    upstream =
        FakeRegistry.builder()
            .host("127.0.0.2")
            .tls(TlsConfig.of(ca, "hub.test"))
            .tokenAuth(TokenService.builder().service("hub.test").build(), Users.of("mirror", "pw"))
            .start();
  }

  @AfterEach
  void closeTheUpstream() {
    upstream.close();
  }

  @Test
  void aPullThroughTheMirrorFetchesOnceAndTheSecondIsServedLocally() throws Exception {
    PublishedImage image =
        publish(upstream, "library/app", ImageSpec.builder().layers(20_000, 30_000).multiArch());
    registry = mirror(MirrorConfig.of(upstream.url()));

    ClientTool.Result first = copy("library/app:1.0", temp.resolve("first"));
    upstream.journal().awaitQuiet(QUIET);
    int upstreamRequests = upstream.journal().all().size();
    ClientTool.Result second = copy("library/app:1.0", temp.resolve("second"));

    assertThat(first.exit()).as(first.describe()).isZero();
    assertThat(second.exit()).as(second.describe()).isZero();
    upstream.journal().assertRequested("GET /v2/library/app/manifests/1.0 -> 200");
    upstream.journal().assertRequested("GET /v2/library/app/manifests/sha256:* -> 200");
    upstream.journal().assertRequested("GET /v2/library/app/blobs/sha256:* -> 200", 3);
    assertThat(upstream.journal().matching(e -> e.status() == 200 && !e.path().equals("/token")))
        .allSatisfy(e -> assertThat(e.principal().identity()).isEqualTo("mirror"))
        .allSatisfy(e -> assertThat(e.userAgent()).isEqualTo("pullproof-mirror"));
    upstream.journal().awaitQuiet(QUIET);
    assertThat(upstream.journal().all()).hasSize(upstreamRequests);
    registry.journal().awaitQuiet(QUIET);
    assertThat(registry.journal().matching("GET /v2/library/app/manifests/1.0 -> 200"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.principal().identity()).isEqualTo("node"));
    assertThat(registry.content().repository(image.repository()).manifest(image.digest()))
        .isPresent();
  }

  @Test
  void aRepositoryThePartialMirrorDoesNotCarryIsUnknownToSkopeo() throws Exception {
    publish(upstream, "team/app", ImageSpec.builder().layers(100));
    registry = mirror(MirrorConfig.of(upstream.url()).withRepositories("library/*"));

    ClientTool.Result r = copy("team/app:1.0", temp.resolve("out"));

    assertThat(r.exit()).as(r.describe()).isNotZero();
    assertThat(r.stderr()).as(r.describe()).contains("repository name not known to registry");
    assertThat(upstream.journal().all()).isEmpty();
  }

  @Test
  void aManifestsOnlyMirrorFailsSkopeoOnTheFirstBlob() throws Exception {
    publish(upstream, "library/app", ImageSpec.builder().layers(100));
    registry =
        mirror(MirrorConfig.of(upstream.url()).carrying(MirrorConfig.Carries.MANIFESTS_ONLY));

    ClientTool.Result r = copy("library/app:1.0", temp.resolve("out"));

    assertThat(r.exit()).as(r.describe()).isNotZero();
    assertThat(r.stderr())
        .as(r.describe())
        .contains("Error fetching blob: invalid status code from registry 404 (Not Found)");
    registry.journal().awaitQuiet(QUIET);
    registry.journal().assertRequested("GET /v2/library/app/blobs/sha256:* -> 404");
  }

  private FakeRegistry mirror(MirrorConfig config) {
    return FakeRegistry.builder()
        .host("127.0.0.3")
        .tls(TlsConfig.of(ca, "mirror.test"))
        .basicAuth(Users.of("node", "node-pw"))
        .mirrorOf(config.withCredentials("mirror", "pw").trusting(TlsConfig.clientContext(ca)))
        .start();
  }

  private static PublishedImage publish(
      FakeRegistry target, String repository, ImageSpec.Builder spec) {
    return new dev.pullproof.registry.content.ImagePublisher(target.content())
        .publish(
            dev.pullproof.registry.protocol.RepositoryName.of(repository), "1.0", spec.build());
  }

  private ClientTool.Result copy(String nameAndTag, Path layout) throws Exception {
    return skopeo.run(
        TIMEOUT,
        "copy",
        "--retry-times",
        "0",
        "--src-cert-dir",
        certDir.toString(),
        "--src-creds",
        "node:node-pw",
        "docker://" + ref(nameAndTag),
        "oci:" + layout + ":x");
  }
}
