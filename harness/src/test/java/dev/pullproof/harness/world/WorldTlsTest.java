package dev.pullproof.harness.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS registries serve certificates from the world's one CA; the files the world hands the node
 * (CA, client certificate and key) are what a real client needs: checked with java.net.http.
 */
class WorldTlsTest {
  @TempDir Path dir;

  private final LoopbackPool pool = new LoopbackPool("127.0.86", 10, 30);

  private World start(String registries) {
    Scenario s =
        ScenarioFiles.parse(
            dir, "name = \"t\"\n" + registries + "\n[[pull]]\nimage = \"a.test/app:1\"\n");
    return new WorldInstaller(pool, Clock.systemUTC()).start(s);
  }

  private static HttpResponse<String> get(World world, String name, boolean clientCertificate)
      throws Exception {
    HttpClient client =
        HttpClient.newBuilder().sslContext(context(world, clientCertificate)).build();
    String url = world.host(name).url();
    String direct = url.replace(world.host(name).address(), address(world, name));
    return client.send(
        HttpRequest.newBuilder(URI.create(direct + "/v2/")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The JVM cannot resolve impersonated names: connect to the loopback address. */
  private static String address(World world, String name) {
    HostAddress v = world.host(name);
    return v.ip() + ":" + v.port();
  }

  /** Trusts the world's CA as written for the node; presents its client certificate if asked. */
  private static SSLContext context(World world, boolean clientCertificate) throws Exception {
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    Certificate ca = x509.generateCertificate(pem(world, "pullproof/ca.crt"));
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyManagerFactory kmf = null;
    if (clientCertificate) {
      Certificate cert = x509.generateCertificate(pem(world, "pullproof/client.cert"));
      String key =
          world
              .files()
              .get("pullproof/client.key")
              .replaceAll("-----[A-Z ]+-----", "")
              .replaceAll("\\s", "");
      PrivateKey privateKey =
          KeyFactory.getInstance("EC")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key)));
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("client", privateKey, new char[0], new Certificate[] {cert, ca});
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, new char[0]);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }

  private static ByteArrayInputStream pem(World world, String path) {
    return new ByteArrayInputStream(world.files().get(path).getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void anImpersonatedTlsRegistryPresentsItsNameAndAddressSignedByTheWorldsCa() throws Exception {
    try (World world =
        start("[registries.hub]\nhost = \"registry.pullproof.test\"\nport = 5443\ntls = true\n")) {
      assertThat(world.host("hub").url()).isEqualTo("https://registry.pullproof.test:5443");
      HttpResponse<String> ok = get(world, "hub", false);
      assertThat(ok.statusCode()).isEqualTo(200);
      X509Certificate served =
          (X509Certificate) ok.sslSession().orElseThrow().getPeerCertificates()[0];
      assertThat(served.getSubjectAlternativeNames())
          .contains(List.of(2, "registry.pullproof.test"), List.of(7, world.host("hub").ip()));
    }
  }

  @Test
  void theNodeGetsTheCaAndClientFilesAndThePlaceholdersNameTheirPathsInIt() throws Exception {
    Path onDisk;
    try (World world = start("[registries.hub]\ntls = true\n")) {
      assertThat(world.files())
          .containsOnlyKeys("pullproof/ca.crt", "pullproof/client.cert", "pullproof/client.key");
      assertThat(world.files().get("pullproof/client.key")).startsWith("-----BEGIN PRIVATE KEY");
      TlsFiles tls = world.tlsFiles().orElseThrow();
      assertThat(tls.caPath()).isEqualTo("/etc/containerd/pullproof/ca.crt");
      assertThat(tls.clientCertPath()).isEqualTo("/etc/containerd/pullproof/client.cert");
      assertThat(tls.clientKeyPath()).isEqualTo("/etc/containerd/pullproof/client.key");
      onDisk = world.certificates().orElseThrow();
      assertThat(Files.readString(onDisk.resolve("ca.crt")))
          .isEqualTo(world.files().get("pullproof/ca.crt"));
      assertThat(world.host("hub").url()).startsWith("https://127.0.86.");
    }
    assertThat(onDisk).doesNotExist();
  }

  @Test
  void theNodesSystemStoreHoldsTheWorldCaUnlessTheRegistriesKeepItOut() {
    try (World world = start("[registries.hub]\ntls = true\n")) {
      assertThat(world.systemCa()).isPresent().isEqualTo(world.caCertificate());
    }
    try (World world = start("[registries.corp]\ntls = { system_trust = false }\n")) {
      assertThat(world.systemCa()).isEmpty();
      assertThat(world.caCertificate()).isPresent();
      assertThat(world.files()).containsKey("pullproof/ca.crt");
    }
  }

  @Test
  void aWorldWithoutTlsHasNoCaAndNoFiles() {
    try (World world = start("[registries.hub]\n")) {
      assertThat(world.files()).isEmpty();
      assertThat(world.certificates()).isEmpty();
      assertThat(world.hosts()).containsOnlyKeys("hub");
    }
  }

  @Test
  void eachBrokenModeFailsTheHandshakeForItsOwnReason() throws Exception {
    try (World world =
        start(
            """
            [registries.unknown]
            tls = { mode = "unknown-ca" }
            [registries.expired]
            tls = { mode = "expired" }
            [registries.wrong]
            tls = { mode = "wrong-name" }
            """)) {
      assertThatThrownBy(() -> get(world, "unknown", false))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("unable to find valid certification path");
      assertThatThrownBy(() -> get(world, "expired", false))
          .isInstanceOf(SSLHandshakeException.class)
          .hasRootCauseInstanceOf(CertificateExpiredException.class);
      assertThatThrownBy(() -> get(world, "wrong", false))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("No subject alternative names matching IP address");
    }
  }

  @Test
  void mutualTlsRefusesAClientWithoutTheWorldsClientCertificate() throws Exception {
    try (World world = start("[registries.hub]\ntls = { client_certificates = true }\n")) {
      assertThatThrownBy(() -> get(world, "hub", false)).isInstanceOf(IOException.class);
      assertThat(get(world, "hub", true).statusCode()).isEqualTo(200);
    }
  }
}
