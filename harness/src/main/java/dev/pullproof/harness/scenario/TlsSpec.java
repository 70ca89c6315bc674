package dev.pullproof.harness.scenario;

import java.util.List;

/**
 * How a registry serves TLS: with a certificate from the run's CA ({@code valid}) or one of the
 * broken kinds that reproduce x509 errors; optionally requiring client certificates (mTLS).
 *
 * @param systemTrust whether the node's system trust store holds the world CA (a public CA) or not
 *     (a private CA: only a hosts.toml {@code ca} line makes containerd trust it)
 */
public record TlsSpec(String mode, boolean clientCertificates, boolean systemTrust) {
  public static final List<String> MODES = List.of("valid", "unknown-ca", "expired", "wrong-name");

  public TlsSpec {
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException("tls mode must be one of " + MODES + ", got " + mode);
    }
  }

  /** A registry whose CA the node's system store holds. */
  public TlsSpec(String mode, boolean clientCertificates) {
    this(mode, clientCertificates, true);
  }
}
