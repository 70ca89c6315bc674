package dev.pullproof.harness.version;

import java.nio.file.Path;
import java.util.Map;

/**
 * containerd binaries the user already has: a directory holding {@code containerd} and {@code ctr}
 * (directly or under {@code bin/}), or an archive in the upstream release layout.
 */
public record LocalBinaries(Path path) implements ReleaseSource {
  public LocalBinaries {
    if (path == null) {
      throw new IllegalArgumentException("path is required");
    }
  }

  @Override
  public Map<String, String> provenance() {
    return Map.of("local", path.toAbsolutePath().normalize().toString());
  }
}
