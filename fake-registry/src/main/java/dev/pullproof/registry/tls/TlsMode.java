package dev.pullproof.registry.tls;

/**
 * Which certificate a TLS registry presents. Every mode but {@link #TRUSTED} makes a verifying
 * client fail with one specific x509 error.
 */
public enum TlsMode {
  /**
   * Signed by the run's CA, for the registry's names and its address: clients that trust it pass.
   */
  TRUSTED,
  /** Signed by another CA the run never writes out: "certificate signed by unknown authority". */
  UNKNOWN_CA,
  /**
   * Signed by the run's CA but expired a day ago: "certificate has expired or is not yet valid".
   */
  EXPIRED,
  /**
   * Signed by the run's CA for {@value TlsConfig#WRONG_NAME} and {@value TlsConfig#WRONG_ADDRESS}
   * only: "certificate is valid for ..., not ...".
   */
  WRONG_NAME
}
