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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real crane pulling through an HTTPS mirror in front of an HTTPS token upstream, trusting the
 * run's CA through {@code SSL_CERT_FILE} (Go reads its roots from there) rather than --insecure.
 */
@Needs(clients = "crane")
class CraneMirrorIT extends RegistryUnderTest {
  private final ClientTool crane = ClientTool.require("crane");

  @TempDir Path temp;

  @Test
  void aPullThroughTheMirrorReachesTheUpstreamOnlyTheFirstTime() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("pullproof test CA", Clock.systemUTC());
    Path caFile = ca.writeCertificate(temp.resolve("ca.crt"));
    try (FakeRegistry upstream =
        FakeRegistry.builder()
            .host("127.0.0.2")
            .tls(TlsConfig.of(ca))
            .tokenAuth(TokenService.builder().service("hub.test").build(), Users.of("mirror", "pw"))
            .start()) {
      PublishedImage image =
          new dev.pullproof.registry.content.ImagePublisher(upstream.content())
              .publish(
                  dev.pullproof.registry.protocol.RepositoryName.of("library/app"),
                  "1.0",
                  ImageSpec.builder().layers(50_000).build());
      registry =
          FakeRegistry.builder()
              .host("127.0.0.3")
              .tls(TlsConfig.of(ca))
              .mirrorOf(
                  MirrorConfig.of(upstream.url())
                      .withCredentials("mirror", "pw")
                      .trusting(TlsConfig.clientContext(ca)))
              .start();
      Map<String, String> env =
          Map.of("SSL_CERT_FILE", caFile.toString(), "DOCKER_CONFIG", temp.toString());

      ClientTool.Result first =
          crane.run(env, TIMEOUT, "pull", ref("library/app:1.0"), temp.resolve("1.tar").toString());
      upstream.journal().awaitQuiet(Duration.ofSeconds(5));
      int upstreamRequests = upstream.journal().all().size();
      ClientTool.Result second =
          crane.run(env, TIMEOUT, "pull", ref("library/app:1.0"), temp.resolve("2.tar").toString());
      ClientTool.Result digest = crane.run(env, TIMEOUT, "digest", ref("library/app:1.0"));

      assertThat(first.exit()).as(first.describe()).isZero();
      assertThat(second.exit()).as(second.describe()).isZero();
      assertThat(digest.stdout().trim()).isEqualTo(image.digest().toString());
      upstream.journal().assertRequested("GET /token -> 200");
      upstream.journal().assertRequested("GET /v2/library/app/blobs/sha256:* -> 200", 2);
      upstream.journal().awaitQuiet(Duration.ofSeconds(5));
      assertThat(upstream.journal().all()).hasSize(upstreamRequests);
      assertThat(temp.resolve("2.tar")).isNotEmptyFile();
    }
  }
}
