package dev.pullproof.registry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.content.PublishedImage;
import dev.pullproof.registry.tls.CertificateAuthority;
import dev.pullproof.registry.tls.TlsConfig;
import dev.pullproof.registry.tls.TlsMode;
import dev.pullproof.testing.Needs;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real skopeo verifying the fake registry's certificates through {@code --cert-dir}: the run's CA
 * makes a pull pass, and each bad-certificate mode fails with Go's own x509 error.
 */
@Needs(clients = "skopeo")
class SkopeoTlsIT extends RegistryUnderTest {
  private final ClientTool skopeo = ClientTool.require("skopeo");
  private CertificateAuthority ca;
  private Path certDir;

  @TempDir Path temp;

  @BeforeEach
  void writeTheCaWhereSkopeoLooks() throws Exception {
    ca = CertificateAuthority.create("pullproof test CA", Clock.systemUTC());
    certDir = temp.resolve("certs");
    ca.writeCertificate(certDir.resolve("ca.crt"));
  }

  @Test
  void trustsTheRunsCaThroughCertDir() throws Exception {
    registry = FakeRegistry.builder().tls(TlsConfig.of(ca, "registry.test")).start();
    PublishedImage image = publish("library/app", "1.0", ImageSpec.builder().layers(100).build());

    ClientTool.Result r = inspect(certDir);

    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.stdout()).contains(image.digest().toString());
    assertThat(registry.url()).startsWith("https://");
    registry.journal().assertRequested("GET /v2/library/app/manifests/1.0 -> 200");
  }

  @Test
  void aRegistryOnItsOwnAddressAtPort443NeedsNoPortInTheReference() throws Exception {
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")), "port 443 needs root (CI runs as root)");
    // An address of this test's own: the harness leases the shared ones.
    String address = "127.0.98.1";
    registry = FakeRegistry.builder().host(address).port(443).tls(TlsConfig.of(ca)).start();
    PublishedImage image = publish("library/app", "1.0", ImageSpec.builder().layers(100).build());

    ClientTool.Result r =
        skopeo.run(
            TIMEOUT,
            "inspect",
            "--cert-dir",
            certDir.toString(),
            "--no-creds",
            "docker://" + address + "/library/app:1.0");

    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.stdout()).contains(image.digest().toString());
    assertThat(registry.journal().all()).allMatch(e -> e.host().equals(address));
  }

  @Test
  void withoutTheCaTheServerIsUnknown() throws Exception {
    registry = FakeRegistry.builder().tls(TlsConfig.of(ca)).start();
    publish("library/app", "1.0", ImageSpec.builder().layers(100).build());

    ClientTool.Result r = inspect(temp.resolve("empty"));

    assertThat(r.exit()).as(r.describe()).isNotZero();
    assertThat(r.stderr()).contains("x509: certificate signed by unknown authority");
    assertThat(registry.journal().all()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "UNKNOWN_CA | x509: certificate signed by unknown authority",
        "EXPIRED    | x509: certificate has expired or is not yet valid: current time",
        "WRONG_NAME | x509: certificate is valid for " + TlsConfig.WRONG_ADDRESS + ", not 127.0.0.1"
      })
  void eachBadCertificateModeFailsWithItsX509Error(TlsMode mode, String error) throws Exception {
    registry = FakeRegistry.builder().tls(TlsConfig.of(ca, "registry.test").withMode(mode)).start();
    publish("library/app", "1.0", ImageSpec.builder().layers(100).build());

    ClientTool.Result r = inspect(certDir);

    assertThat(r.exit()).as(r.describe()).isNotZero();
    assertThat(r.stderr()).as(r.describe()).contains(error);
    assertThat(registry.journal().all()).as("no request gets past the handshake").isEmpty();
  }

  @Test
  void mutualTlsPassesWithTheClientPairInCertDir() throws Exception {
    registry = FakeRegistry.builder().tls(TlsConfig.of(ca).requiringClientCertificates()).start();
    PublishedImage image = publish("library/app", "1.0", ImageSpec.builder().layers(100).build());
    ca.issueClient("node-1")
        .writePem(certDir.resolve("client.cert"), certDir.resolve("client.key"));

    ClientTool.Result r = inspect(certDir);

    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.stdout()).contains(image.digest().toString());
  }

  @Test
  void mutualTlsRefusesAClientWithoutCertificate() throws Exception {
    registry = FakeRegistry.builder().tls(TlsConfig.of(ca).requiringClientCertificates()).start();
    publish("library/app", "1.0", ImageSpec.builder().layers(100).build());

    ClientTool.Result r = inspect(certDir);

    assertThat(r.exit()).as(r.describe()).isNotZero();
    assertThat(r.stderr()).as(r.describe()).contains("remote error: tls: bad certificate");
    assertThat(registry.journal().all()).isEmpty();
  }

  private ClientTool.Result inspect(Path certs) throws Exception {
    return skopeo.run(
        TIMEOUT,
        "inspect",
        "--retry-times",
        "0",
        "--cert-dir",
        certs.toString(),
        "--no-creds",
        "docker://" + ref("library/app:1.0"));
  }
}
