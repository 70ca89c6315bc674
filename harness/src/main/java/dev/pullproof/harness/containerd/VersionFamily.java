package dev.pullproof.harness.containerd;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A containerd version family, the Debian suite it comes from, and the config shape it reads: 1.6
 * and 1.7 read {@code version = 2} with image settings under {@code
 * plugins."io.containerd.grpc.v1.cri"}; 2.x reads {@code version = 3} with them under {@code
 * plugins."io.containerd.cri.v1.images"}.
 *
 * @see <a href="https://github.com/containerd/containerd/blob/main/docs/cri/config.md">CRI
 *     config</a>
 */
public enum VersionFamily {
  V1_6("1.6", "bookworm", 2, "io.containerd.grpc.v1.cri"),
  V1_7("1.7", "trixie", 2, "io.containerd.grpc.v1.cri"),
  V2("2", "sid", 3, "io.containerd.cri.v1.images");

  private final String id;
  private final String suite;
  private final int configVersion;
  private final String imagePlugin;

  VersionFamily(String id, String suite, int configVersion, String imagePlugin) {
    this.id = id;
    this.suite = suite;
    this.configVersion = configVersion;
    this.imagePlugin = imagePlugin;
  }

  /** {@code 1.6}, {@code 1.7} or {@code 2}: the name scenarios and ci/containerd-images use. */
  public String id() {
    return id;
  }

  /** The Debian suite whose {@code containerd} package is this family. */
  public String suite() {
    return suite;
  }

  /** The {@code version = N} this family's config.toml carries. */
  public int configVersion() {
    return configVersion;
  }

  /** The plugin whose table holds {@code registry.config_path}. */
  public String imagePlugin() {
    return imagePlugin;
  }

  /**
   * The smallest config.toml that makes the CRI plugin read hosts.toml files from {@code
   * configPath} (e.g. {@code /etc/containerd/certs.d}).
   */
  public String registryConfigToml(String configPath) {
    return "version = "
        + configVersion
        + "\n\n[plugins.\""
        + imagePlugin
        + "\".registry]\n  config_path = \""
        + configPath
        + "\"\n";
  }

  public static VersionFamily parse(String id) {
    return Arrays.stream(values())
        .filter(f -> f.id.equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown containerd version family '"
                        + id
                        + "'; known: "
                        + Arrays.stream(values())
                            .map(f -> f.id)
                            .collect(Collectors.joining(", "))));
  }

  @Override
  public String toString() {
    return id;
  }
}
