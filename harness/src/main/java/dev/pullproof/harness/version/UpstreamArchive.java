package dev.pullproof.harness.version;

import java.util.Map;

/**
 * containerd's own release archive {@code containerd-<version>-linux-amd64.tar.gz} of one exact
 * release, verified against its {@code .sha256sum}. Where the archive is downloaded from is chosen
 * when the release is prepared (the default download location, or {@code
 * PULLPROOF_CONTAINERD_RELEASES}); the prepared release records the URL and checksum.
 *
 * @see <a href="https://github.com/containerd/containerd/releases">containerd releases</a>
 */
public record UpstreamArchive(String version) implements ReleaseSource {
  public UpstreamArchive {
    if (version == null || !version.matches("\\d+\\.\\d+\\.\\d+(-[a-z]+\\.\\d+)?")) {
      throw new IllegalArgumentException(
          "version must be an exact release, e.g. 2.2.1: " + version);
    }
  }

  /** The archive's file name, e.g. {@code containerd-2.2.1-linux-amd64.tar.gz}. */
  public String archiveName() {
    return "containerd-" + version + "-linux-amd64.tar.gz";
  }

  @Override
  public Map<String, String> provenance() {
    return Map.of("upstream", version);
  }
}
