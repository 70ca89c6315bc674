package dev.pullproof.registry.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.registry.FakeRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-run CA and the TLS registry, seen by Java's own TLS client and certificate parser. */
class TlsRegistryTest {
  private final CertificateAuthority ca =
      CertificateAuthority.create("pullproof test CA", Clock.systemUTC());

  @TempDir Path temp;

  @Test
  void aClientTrustingTheCaGetsTheVersionCheckOverHttps() throws Exception {
    try (FakeRegistry registry = FakeRegistry.builder().tls(TlsConfig.of(ca)).start()) {
      HttpResponse<String> r = client(TlsConfig.clientContext(ca)).send(v2(registry), ofString());

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(registry.url()).isEqualTo("https://" + registry.hostAndPort());
      registry.journal().assertRequested("GET /v2/ -> 200");
    }
  }

  @Test
  void aClientTrustingAnotherCaFailsTheHandshake() throws Exception {
    CertificateAuthority other = CertificateAuthority.create("other", Clock.systemUTC());
    try (FakeRegistry registry = FakeRegistry.builder().tls(TlsConfig.of(ca)).start()) {
      assertThatThrownBy(
              () -> client(TlsConfig.clientContext(other)).send(v2(registry), ofString()))
          .isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void mutualTlsServesAClientWithACertificateFromTheCaAndNoOtherClient() throws Exception {
    try (FakeRegistry registry =
        FakeRegistry.builder().tls(TlsConfig.of(ca).requiringClientCertificates()).start()) {
      var withCert = client(TlsConfig.clientContext(ca, ca.issueClient("node-1")));
      var stranger =
          client(
              TlsConfig.clientContext(
                  ca,
                  CertificateAuthority.create("other", Clock.systemUTC()).issueClient("node-2")));

      assertThat(withCert.send(v2(registry), ofString()).statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> client(TlsConfig.clientContext(ca)).send(v2(registry), ofString()))
          .isInstanceOf(java.io.IOException.class);
      assertThatThrownBy(() -> stranger.send(v2(registry), ofString()))
          .isInstanceOf(java.io.IOException.class);
      registry.journal().awaitQuiet(java.time.Duration.ofSeconds(5));
      assertThat(registry.journal().all()).hasSize(1);
    }
  }

  @Test
  void theServerCertificateNamesEveryImpersonatedNameAndTheBoundAddress() throws Exception {
    try (FakeRegistry registry =
        FakeRegistry.builder()
            .host("127.0.0.3")
            .tls(TlsConfig.of(ca, "registry-1.docker.io", "mirror.corp.example"))
            .start()) {
      NamedTlsClient.Answer answer =
          new NamedTlsClient(TlsConfig.clientContext(ca))
              .get("127.0.0.3", registry.port(), "mirror.corp.example", "/v2/");

      assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 200 OK");
      assertThat(answer.peer().getSubjectAlternativeNames())
          .extracting(san -> (Object) san.get(1))
          .containsExactly((Object) "registry-1.docker.io", "mirror.corp.example", "127.0.0.3");
      assertThat(registry.journal().all().get(0).host())
          .isEqualTo("mirror.corp.example:" + registry.port());
    }
  }

  @Test
  void theWrongNameModeFailsHostnameVerificationForAnImpersonatedName() throws Exception {
    try (FakeRegistry registry =
        FakeRegistry.builder()
            .host("127.0.0.3")
            .tls(TlsConfig.of(ca, "registry-1.docker.io").withMode(TlsMode.WRONG_NAME))
            .start()) {
      NamedTlsClient client = new NamedTlsClient(TlsConfig.clientContext(ca));

      assertThatThrownBy(
              () -> client.get("127.0.0.3", registry.port(), "registry-1.docker.io", "/v2/"))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("No subject alternative DNS name matching registry-1.docker.io");
    }
  }

  @Test
  void theExpiredModeServesACertificateThatEndedBeforeNow() throws Exception {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    CertificateAuthority fixed =
        CertificateAuthority.create("fixed", Clock.fixed(now, ZoneOffset.UTC));
    X509Certificate cert =
        TlsConfig.of(fixed, "registry.test")
            .withMode(TlsMode.EXPIRED)
            .serverCertificate(java.net.InetAddress.getLoopbackAddress())
            .certificate();

    assertThat(cert.getNotAfter().toInstant()).isBefore(now);
    cert.verify(fixed.certificate().getPublicKey());
  }

  @Test
  void pemFilesReadBackAsTheSameCertificatesAndKey() throws Exception {
    Path caFile = ca.writeCertificate(temp.resolve("certs/ca.crt"));
    IssuedCertificate client = ca.issueClient("node-1");
    client.writePem(temp.resolve("certs/client.cert"), temp.resolve("certs/client.key"));

    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    assertThat(x509.generateCertificate(Files.newInputStream(caFile))).isEqualTo(ca.certificate());
    X509Certificate readClient =
        (X509Certificate)
            x509.generateCertificate(Files.newInputStream(temp.resolve("certs/client.cert")));
    assertThat(readClient).isEqualTo(client.certificate());
    readClient.verify(ca.certificate().getPublicKey());
    assertThat(readClient.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    String pem = Files.readString(temp.resolve("certs/client.key"));
    assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n");
    byte[] der =
        Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replace("\n", ""));
    assertThat(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)))
        .isEqualTo(client.privateKey());
    assertThat(Files.getPosixFilePermissions(temp.resolve("certs/client.key")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void aServerCertificateNeedsANameOrAnAddress() {
    assertThatThrownBy(() -> ca.issueServer(List.of(), List.of()))
        .hasMessageContaining("needs a name or an address");
    assertThatThrownBy(() -> TlsConfig.of(ca, "host:443")).hasMessageContaining("without port");
  }

  private static HttpClient client(javax.net.ssl.SSLContext context) {
    return HttpClient.newBuilder().sslContext(context).build();
  }

  private static HttpRequest v2(FakeRegistry registry) {
    return HttpRequest.newBuilder(URI.create(registry.url() + "/v2/")).build();
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }
}
