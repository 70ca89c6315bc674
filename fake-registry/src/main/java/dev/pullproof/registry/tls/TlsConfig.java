package dev.pullproof.registry.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a registry serves TLS: the run's CA, the names the registry answers for (it always answers
 * for the address it binds too), which certificate it presents ({@link TlsMode}) and whether it
 * requires client certificates signed by the same CA (mutual TLS). Immutable.
 *
 * <pre>{@code
 * CertificateAuthority ca = CertificateAuthority.create("pullproof run CA", clock);
 * FakeRegistry.builder().tls(TlsConfig.of(ca, "registry-1.docker.io")).start();
 * FakeRegistry.builder().tls(TlsConfig.of(ca).withMode(TlsMode.EXPIRED)).start();
 * FakeRegistry.builder().tls(TlsConfig.of(ca).requiringClientCertificates()).start();
 * }</pre>
 */
public final class TlsConfig {
  /** The only DNS name a {@link TlsMode#WRONG_NAME} certificate carries. */
  public static final String WRONG_NAME = "wrong-name.invalid";

  /** The only IP address a {@link TlsMode#WRONG_NAME} certificate carries (TEST-NET-1). */
  public static final String WRONG_ADDRESS = "192.0.2.1";

  private final CertificateAuthority ca;
  private final List<String> names;
  private final TlsMode mode;
  private final boolean clientCertificates;

  private TlsConfig(
      CertificateAuthority ca, List<String> names, TlsMode mode, boolean clientCertificates) {
    if (ca == null) {
      throw new IllegalArgumentException("tls: ca is required");
    }
    for (String name : names) {
      if (name == null || name.isBlank() || name.contains(":")) {
        throw new IllegalArgumentException("tls: names must be host names without port: " + name);
      }
    }
    this.ca = ca;
    this.names = List.copyOf(names);
    this.mode = mode;
    this.clientCertificates = clientCertificates;
  }

  /** Trusted certificates from {@code ca} for these names (plus the bound address). */
  public static TlsConfig of(CertificateAuthority ca, String... names) {
    return new TlsConfig(ca, List.of(names), TlsMode.TRUSTED, false);
  }

  public TlsConfig withMode(TlsMode newMode) {
    if (newMode == null) {
      throw new IllegalArgumentException("tls: mode is required");
    }
    return new TlsConfig(ca, names, newMode, clientCertificates);
  }

  /** Mutual TLS: the handshake fails unless the client presents a certificate from the CA. */
  public TlsConfig requiringClientCertificates() {
    return new TlsConfig(ca, names, mode, true);
  }

  public CertificateAuthority ca() {
    return ca;
  }

  public List<String> names() {
    return names;
  }

  public TlsMode mode() {
    return mode;
  }

  public boolean clientCertificatesRequired() {
    return clientCertificates;
  }

  /** The certificate this mode presents when the registry is bound to {@code address}. */
  public IssuedCertificate serverCertificate(InetAddress address) {
    List<InetAddress> addresses = List.of(address);
    Instant now = ca.now();
    return switch (mode) {
      case TRUSTED -> ca.issueServer(names, addresses);
      case UNKNOWN_CA ->
          CertificateAuthority.create("pullproof unknown CA", ca.clock())
              .issueServer(names, addresses);
      case EXPIRED ->
          ca.issueServer(
              names, addresses, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
      case WRONG_NAME -> ca.issueServer(List.of(WRONG_NAME), List.of(wrongAddress()));
    };
  }

  /** A server-side context presenting {@link #serverCertificate}, trusting the CA for clients. */
  public SSLContext serverContext(InetAddress address) {
    IssuedCertificate server = serverCertificate(address);
    try {
      char[] password = new char[0];
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry(
          "server",
          server.privateKey(),
          password,
          new ArrayList<>(server.chain()).toArray(java.security.cert.Certificate[]::new));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), trusting(ca).getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the TLS context for " + names, e);
    }
  }

  /** A client-side context that trusts {@code ca} (and presents no certificate). */
  public static SSLContext clientContext(CertificateAuthority ca) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trusting(ca).getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a TLS context trusting " + ca, e);
    }
  }

  /** A client-side context that trusts {@code ca} and presents {@code client} (mutual TLS). */
  public static SSLContext clientContext(CertificateAuthority ca, IssuedCertificate client) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers(client), trusting(ca).getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a TLS client context for " + client, e);
    }
  }

  private static javax.net.ssl.KeyManager[] keyManagers(IssuedCertificate identity)
      throws GeneralSecurityException, IOException {
    char[] password = new char[0];
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        "identity",
        identity.privateKey(),
        password,
        new ArrayList<>(identity.chain()).toArray(java.security.cert.Certificate[]::new));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, password);
    return kmf.getKeyManagers();
  }

  private static TrustManagerFactory trusting(CertificateAuthority ca)
      throws GeneralSecurityException, IOException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca.certificate());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    return tmf;
  }

  private static InetAddress wrongAddress() {
    try {
      return InetAddress.getByName(WRONG_ADDRESS);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "TlsConfig[" + mode + ", names=" + names + (clientCertificates ? ", mTLS" : "") + "]";
  }
}
