package dev.pullproof.registry.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for one run: an EC P-256 key and a self-signed CA certificate that
 * issues server certificates (names and IP addresses as subject alternative names, as Go's x509
 * verification requires) and client certificates for mutual TLS. Write {@link #writeCertificate}
 * where containerd's hosts.toml {@code ca} or skopeo's {@code --cert-dir} ({@code ca.crt}) reads
 * it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5280">RFC 5280</a>
 */
public final class CertificateAuthority {
  private static final Duration BACKDATE = Duration.ofHours(1);
  private static final Duration VALIDITY = Duration.ofDays(2);

  private final Clock clock;
  private final SecureRandom random;
  private final KeyPair keys;
  private final X509Certificate certificate;

  private CertificateAuthority(String name, Clock clock) {
    this.clock = clock;
    this.random = new SecureRandom();
    this.keys = newKeyPair(random);
    X500Name subject = new X500Name("CN=" + name + ",O=pullproof");
    Instant now = clock.instant();
    this.certificate =
        sign(
            subject,
            subject,
            keys,
            keys.getPublic(),
            now.minus(BACKDATE),
            now.plus(VALIDITY),
            builder -> {
              builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
              builder.addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(
                      KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            });
  }

  /** A new CA named {@code name} (its subject CN), valid from an hour ago for two days. */
  public static CertificateAuthority create(String name, Clock clock) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("CA name must not be blank");
    }
    return new CertificateAuthority(name, clock);
  }

  Clock clock() {
    return clock;
  }

  Instant now() {
    return clock.instant();
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** Writes the CA certificate as PEM (for hosts.toml {@code ca}, or {@code ca.crt}). */
  public Path writeCertificate(Path file) throws IOException {
    return Pem.writeCertificates(file, List.of(certificate));
  }

  /** A server certificate for these names and IP addresses, valid now. */
  public IssuedCertificate issueServer(List<String> names, List<InetAddress> addresses) {
    Instant now = clock.instant();
    return issueServer(names, addresses, now.minus(BACKDATE), now.plus(VALIDITY));
  }

  /** A server certificate valid only between the two instants (an expired one, say). */
  public IssuedCertificate issueServer(
      List<String> names, List<InetAddress> addresses, Instant notBefore, Instant notAfter) {
    if (names.isEmpty() && addresses.isEmpty()) {
      throw new IllegalArgumentException("a server certificate needs a name or an address");
    }
    List<GeneralName> sans = new ArrayList<>();
    names.forEach(n -> sans.add(new GeneralName(GeneralName.dNSName, n)));
    addresses.forEach(a -> sans.add(new GeneralName(GeneralName.iPAddress, a.getHostAddress())));
    String cn = names.isEmpty() ? addresses.get(0).getHostAddress() : names.get(0);
    return issue(
        cn,
        notBefore,
        notAfter,
        KeyPurposeId.id_kp_serverAuth,
        new GeneralNames(sans.toArray(GeneralName[]::new)));
  }

  /** A client certificate for mutual TLS, with {@code commonName} as its subject. */
  public IssuedCertificate issueClient(String commonName) {
    Instant now = clock.instant();
    return issue(
        commonName, now.minus(BACKDATE), now.plus(VALIDITY), KeyPurposeId.id_kp_clientAuth, null);
  }

  private IssuedCertificate issue(
      String cn, Instant notBefore, Instant notAfter, KeyPurposeId purpose, GeneralNames sans) {
    KeyPair leaf = newKeyPair(random);
    X509Certificate cert =
        sign(
            X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
            new X500Name("CN=" + cn + ",O=pullproof"),
            keys,
            leaf.getPublic(),
            notBefore,
            notAfter,
            builder -> {
              builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
              builder.addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
              builder.addExtension(
                  Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
              builder.addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
              if (sans != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, sans);
              }
            });
    return new IssuedCertificate(cert, leaf.getPrivate(), certificate);
  }

  @Override
  public String toString() {
    return "CertificateAuthority[" + certificate.getSubjectX500Principal().getName() + "]";
  }

  private interface Extensions {
    void add(X509v3CertificateBuilder builder) throws IOException, GeneralSecurityException;
  }

  private X509Certificate sign(
      X500Name issuer,
      X500Name subject,
      KeyPair signer,
      java.security.PublicKey subjectKey,
      Instant notBefore,
      Instant notAfter,
      Extensions extensions) {
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              new BigInteger(64, random).add(BigInteger.ONE),
              Date.from(notBefore),
              Date.from(notAfter),
              subject,
              subjectKey);
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createSubjectKeyIdentifier(subjectKey));
      extensions.add(builder);
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot sign a certificate for " + subject, e);
    }
  }

  private static KeyPair newKeyPair(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot generate EC P-256 keys", e);
    }
  }
}
