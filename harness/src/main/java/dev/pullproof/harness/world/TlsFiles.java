package dev.pullproof.harness.world;

import java.util.Optional;

/**
 * The world's TLS files as the node sees them: absolute paths below {@code /etc/containerd} and
 * their PEM text, for {@code {{tls.ca}}}, {@code {{tls.ca_pem}}} and the rest of {@link
 * dev.pullproof.harness.scenario.Template#TLS_ATTRIBUTES}.
 */
public record TlsFiles(
    String caPath,
    String clientCertPath,
    String clientKeyPath,
    String caPem,
    String clientCertPem,
    String clientKeyPem) {
  public TlsFiles {
    String[][] fields = {
      {"caPath", caPath}, {"clientCertPath", clientCertPath}, {"clientKeyPath", clientKeyPath},
      {"caPem", caPem}, {"clientCertPem", clientCertPem}, {"clientKeyPem", clientKeyPem}
    };
    for (String[] field : fields) {
      if (field[1] == null || field[1].isBlank()) {
        throw new IllegalArgumentException("tls files: " + field[0] + " is required");
      }
    }
  }

  /** A template attribute's value; empty for a name that is not one. */
  Optional<String> attribute(String name) {
    return Optional.ofNullable(
        switch (name) {
          case "ca" -> caPath;
          case "client_cert" -> clientCertPath;
          case "client_key" -> clientKeyPath;
          case "ca_pem" -> caPem;
          case "client_cert_pem" -> clientCertPem;
          case "client_key_pem" -> clientKeyPem;
          default -> null;
        });
  }
}
