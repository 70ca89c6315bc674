package dev.pullproof.harness.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a registry serves TLS: with a certificate from the run's CA ({@code valid}) or one of the
 * broken kinds that reproduce x509 errors; optionally requiring client certificates (mTLS).
 *
 * @param systemTrust whether the node's system trust store holds the world CA (a public CA) or not
 *     (a private CA: only a hosts.toml {@code ca} line makes containerd trust it)
 */
public record TlsSpec(Mode mode, boolean clientCertificates, boolean systemTrust) {
  /** The modes as scenarios write them. */
  public static final List<String> MODES = Arrays.stream(Mode.values()).map(Mode::label).toList();

  /** Which certificate the registry presents. */
  public enum Mode {
    /** Signed by the world's CA for the registry's names. */
    VALID,
    /** Signed by a CA nobody is given: "certificate signed by unknown authority". */
    UNKNOWN_CA,
    /** Expired: "certificate has expired or is not yet valid". */
    EXPIRED,
    /** For other names only: "certificate is valid for ..., not ...". */
    WRONG_NAME;

    /** As scenarios write it: {@code unknown-ca}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Mode> of(String label) {
      return Arrays.stream(values()).filter(m -> m.label().equals(label)).findFirst();
    }
  }

  public TlsSpec {
    Objects.requireNonNull(mode, "tls mode");
  }

  /** A registry whose CA the node's system store holds. */
  public TlsSpec(Mode mode, boolean clientCertificates) {
    this(mode, clientCertificates, true);
  }
}
