package dev.pullproof.registry.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate with its private key and the CA certificate that signed it.
 *
 * @param certificate the leaf certificate
 * @param privateKey the leaf's key
 * @param issuer the CA certificate
 */
public record IssuedCertificate(
    X509Certificate certificate, PrivateKey privateKey, X509Certificate issuer) {
  public IssuedCertificate {
    if (certificate == null || privateKey == null || issuer == null) {
      throw new IllegalArgumentException("certificate, privateKey and issuer are required");
    }
  }

  /** The chain a server presents: the leaf, then its issuer. */
  public List<X509Certificate> chain() {
    return List.of(certificate, issuer);
  }

  /**
   * Writes the certificate and its key as PEM: the pair hosts.toml {@code client} names, or
   * skopeo's {@code client.cert} and {@code client.key} in a {@code --cert-dir}.
   */
  public void writePem(Path certificateFile, Path keyFile) throws IOException {
    Pem.writeCertificates(certificateFile, List.of(certificate));
    Pem.writePrivateKey(keyFile, privateKey);
  }
}
