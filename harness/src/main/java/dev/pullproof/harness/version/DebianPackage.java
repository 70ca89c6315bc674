package dev.pullproof.harness.version;

import java.util.Map;

/**
 * Debian's {@code containerd} package of one suite, fetched with {@code libc6} from the same suite
 * by {@code ci/containerd-images}. A suite such as sid moves, so the exact package version is read
 * when the release is prepared, not fixed here.
 *
 * @see <a href="https://tracker.debian.org/pkg/containerd">Debian's containerd package</a>
 */
public record DebianPackage(String suite) implements ReleaseSource {
  public DebianPackage {
    if (suite == null || suite.isBlank()) {
      throw new IllegalArgumentException("suite must not be empty");
    }
  }

  @Override
  public Map<String, String> provenance() {
    return Map.of("suite", suite);
  }
}
