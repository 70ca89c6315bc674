package dev.pullproof.harness.scenario;

import java.util.List;

/**
 * How a registry serves TLS: with a certificate from the run's CA ({@code valid}) or one of the
 * broken kinds that reproduce x509 errors; optionally requiring client certificates (mTLS).
 */
public record TlsSpec(String mode, boolean clientCertificates) {
  public static final List<String> MODES = List.of("valid", "unknown-ca", "expired", "wrong-name");

  public TlsSpec {
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException("tls mode must be one of " + MODES + ", got " + mode);
    }
  }
}
