package dev.pullproof.testing;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.auth.Grants;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.protocol.RepositoryName;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Debian's distribution registry ({@code docker-registry}) started on loopback with its own config,
 * for tests that need a real registry as the peer: htpasswd basic auth (the bcrypt hash made here),
 * or token auth trusting a key this class makes ({@link #tokenKey}), which a fake token service
 * then signs with. Its filesystem storage lives in the given directory.
 *
 * @see <a href="https://distribution.github.io/distribution/about/configuration/">configuration</a>
 */
public final class DistributionRegistry implements AutoCloseable {
  public static final String BINARY = "docker-registry";
  private final ServerProcess server;
  private final String hostAndPort;
  private FakeRegistry tokenServer;

  private DistributionRegistry(ServerProcess server) {
    this.server = server;
    this.hostAndPort = server.hostAndPort();
  }

  /**
   * Token auth through a fake token server for {@code user} (service {@code dist.test}), the server
   * stopped with the registry.
   */
  public static DistributionRegistry tokenAuth(Path dir, String user, String password)
      throws Exception {
    ECKey key = tokenKey();
    FakeRegistry server =
        FakeRegistry.builder()
            .tokenAuth(
                TokenService.builder()
                    .service("dist.test")
                    .issuer("pullproof-token-server")
                    .signingKey(key)
                    .build(),
                Users.of(user, password),
                Grants.defaults())
            .start();
    try {
      DistributionRegistry registry =
          token(dir, server.url() + "/token", "dist.test", "pullproof-token-server", key);
      registry.tokenServer = server;
      return registry;
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
  }

  /** Pushes a synthetic image (two layers) to {@code team/app:1.0} with skopeo, as {@code user}. */
  public void seed(String user, String password) throws Exception {
    try (FakeRegistry source = FakeRegistry.builder().start()) {
      new ImagePublisher(source.content())
          .publish(
              RepositoryName.of("team/app"),
              "1.0",
              ImageSpec.builder().layers(50_000, 7_000).build());
      Process copy =
          new ProcessBuilder(
                  Prerequisites.client("skopeo").toString(),
                  "copy",
                  "--src-tls-verify=false",
                  "--dest-tls-verify=false",
                  "--dest-creds",
                  user + ":" + password,
                  "docker://" + source.hostAndPort() + "/team/app:1.0",
                  "docker://" + hostAndPort + "/team/app:1.0")
              .redirectErrorStream(true)
              .start();
      String output = new String(copy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!copy.waitFor(60, TimeUnit.SECONDS) || copy.exitValue() != 0) {
        throw new IllegalStateException("seeding with skopeo failed: " + output + "\n" + log());
      }
    }
  }

  /** htpasswd basic auth with one user. */
  public static DistributionRegistry basic(Path dir, String user, String password)
      throws Exception {
    Path htpasswd = dir.resolve("htpasswd");
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    Files.writeString(
        htpasswd,
        user + ":" + OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 6) + "\n");
    return start(dir, "  htpasswd:\n    realm: distribution\n    path: " + htpasswd + "\n");
  }

  /**
   * Token auth: challenges name {@code realm} and {@code service}, and tokens are trusted when
   * {@code issuer} signed them with {@code key} (see {@link #tokenKey}).
   */
  public static DistributionRegistry token(
      Path dir, String realm, String service, String issuer, ECKey key) throws Exception {
    Path bundle = dir.resolve("token-ca.pem");
    try (JcaPEMWriter pem = new JcaPEMWriter(Files.newBufferedWriter(bundle))) {
      pem.writeObject(certificate(key));
    }
    return start(
        dir,
        "  token:\n    realm: "
            + realm
            + "\n    service: "
            + service
            + "\n    issuer: "
            + issuer
            + "\n    rootcertbundle: "
            + bundle
            + "\n");
  }

  /**
   * An EC P-256 key whose key id is the one distribution looks its trusted keys up by: libtrust's
   * fingerprint, the base32 of the first 30 bytes of the SHA-256 of the DER public key, in
   * colon-separated groups of four (docker/libtrust, util.go keyIDFromCryptoKey).
   */
  public static ECKey tokenKey() throws Exception {
    ECKey generated = new ECKeyGenerator(Curve.P_256).generate();
    byte[] der = generated.toECPublicKey().getEncoded();
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(der);
    byte[] first = java.util.Arrays.copyOf(hash, 30);
    String b32 = base32(first);
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < b32.length(); i += 4) {
      if (i > 0) {
        id.append(':');
      }
      id.append(b32, i, Math.min(i + 4, b32.length()));
    }
    return new ECKey.Builder(generated).keyID(id.toString()).build();
  }

  private static X509Certificate certificate(ECKey key) throws Exception {
    X500Name name = new X500Name("CN=pullproof token signer");
    Instant now = Instant.now();
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(1))),
            name,
            key.toECPublicKey());
    var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key.toECPrivateKey());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static DistributionRegistry start(Path dir, String auth) throws Exception {
    int port = ServerProcess.freePort();
    String hostAndPort = "127.0.0.1:" + port;
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
        "version: 0.1\n"
            + "log:\n  level: info\n"
            + "storage:\n  filesystem:\n    rootdirectory: "
            + dir.resolve("data")
            + "\n  delete:\n    enabled: true\n"
            + "http:\n  addr: "
            + hostAndPort
            + "\n"
            + "auth:\n"
            + auth);
    Path log = dir.resolve("registry.log");
    ProcessBuilder command =
        new ProcessBuilder(Prerequisites.client(BINARY).toString(), "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    return new DistributionRegistry(ServerProcess.start(BINARY, command, hostAndPort, log));
  }

  public String hostAndPort() {
    return hostAndPort;
  }

  public String url() {
    return "http://" + hostAndPort;
  }

  /** What the registry logged (on failure, for the assertion message). */
  public String log() throws IOException {
    return server.log();
  }

  @Override
  public void close() {
    if (tokenServer != null) {
      tokenServer.close();
    }
    server.close();
  }

  /** RFC 4648 base32 without padding (30 bytes are exactly 48 characters). */
  private static String base32(byte[] bytes) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }
}
