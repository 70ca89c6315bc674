package dev.pullproof.harness.scenario;

import java.util.Objects;
import java.util.Optional;

/**
 * Flags for a {@code ctr images pull}.
 *
 * @param hostsDir passed as {@code --hosts-dir}; empty to leave the flag out
 * @param plainHttp {@code --plain-http}
 * @param local {@code --local} (true) or {@code --local=false} (false); empty leaves the flag out,
 *     so each version takes its default (1.7: the client-side pull; 2.x: the transfer service; 1.6
 *     knows no such flag)
 */
public record CtrOptions(String hostsDir, boolean plainHttp, Optional<Boolean> local) {
  public static final String DEFAULT_HOSTS_DIR = "/etc/containerd/certs.d";
  public static final CtrOptions DEFAULT =
      new CtrOptions(DEFAULT_HOSTS_DIR, false, Optional.empty());

  public CtrOptions {
    if (hostsDir == null || !hostsDir.isEmpty() && !hostsDir.startsWith("/")) {
      throw new IllegalArgumentException("ctr hosts_dir must be an absolute path or empty");
    }
    Objects.requireNonNull(local, "local");
  }

  public CtrOptions(String hostsDir, boolean plainHttp) {
    this(hostsDir, plainHttp, Optional.empty());
  }
}
