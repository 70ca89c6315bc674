package dev.pullproof.harness.cri;

/**
 * What {@code RuntimeService/Version} answers, e.g. runtime {@code containerd}, version {@code
 * 1.7.24~ds1}, CRI API {@code v1}.
 */
public record RuntimeVersion(String runtimeName, String runtimeVersion, String runtimeApiVersion) {
  public RuntimeVersion {
    if (runtimeName == null || runtimeVersion == null || runtimeApiVersion == null) {
      throw new IllegalArgumentException(
          "runtimeName, runtimeVersion and runtimeApiVersion are required");
    }
  }
}
