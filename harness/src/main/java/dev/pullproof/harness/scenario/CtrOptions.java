package dev.pullproof.harness.scenario;

/**
 * Flags for a {@code ctr images pull}.
 *
 * @param hostsDir passed as {@code --hosts-dir}; empty to leave the flag out
 * @param plainHttp {@code --plain-http}
 */
public record CtrOptions(String hostsDir, boolean plainHttp) {
  public static final String DEFAULT_HOSTS_DIR = "/etc/containerd/certs.d";
  public static final CtrOptions DEFAULT = new CtrOptions(DEFAULT_HOSTS_DIR, false);

  public CtrOptions {
    if (hostsDir == null || !hostsDir.isEmpty() && !hostsDir.startsWith("/")) {
      throw new IllegalArgumentException("ctr hosts_dir must be an absolute path or empty");
    }
  }
}
