package dev.pullproof.harness.scenario;

/** Which client pulls: containerd's CRI plugin (as the kubelet) or {@code ctr} in the container. */
public enum Via {
  CRI,
  CTR;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
