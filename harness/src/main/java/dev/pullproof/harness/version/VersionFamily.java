package dev.pullproof.harness.version;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A containerd release line pullproof runs and validates against, with the facts that differ
 * between lines: 1.6 and 1.7 read {@code version = 2} with image settings under {@code
 * plugins."io.containerd.grpc.v1.cri"}; 2.x reads {@code version = 3} with them under {@code
 * plugins."io.containerd.cri.v1.images"}. Each line is taken from one Debian suite.
 *
 * @see <a href="https://github.com/containerd/containerd/blob/main/docs/cri/config.md">CRI
 *     config</a>
 * @see <a href="https://github.com/containerd/containerd/blob/main/RELEASES.md">release lines</a>
 */
public enum VersionFamily {
  V1_6("1.6", 1, "1.6", 2, PluginId.GRPC_CRI, new DebianPackage("bookworm")),
  V1_7("1.7", 1, "1.7", 2, PluginId.GRPC_CRI, new DebianPackage("trixie")),
  V2("2", 2, "2.x", 3, PluginId.CRI_IMAGES, new DebianPackage("sid"));

  private final String label;
  private final int major;
  private final String findingLabel;
  private final int configVersion;
  private final PluginId imagePlugin;
  private final ReleaseSource source;

  VersionFamily(
      String label,
      int major,
      String findingLabel,
      int configVersion,
      PluginId imagePlugin,
      ReleaseSource source) {
    this.label = label;
    this.major = major;
    this.findingLabel = findingLabel;
    this.configVersion = configVersion;
    this.imagePlugin = imagePlugin;
    this.source = source;
  }

  /**
   * As scenario files, the command line and ci/containerd-images write it: {@code 1.6}, {@code
   * 1.7}, {@code 2}.
   */
  public String label() {
    return label;
  }

  /** As findings name the line in prose: {@code 1.6}, {@code 1.7}, {@code 2.x}. */
  public String findingLabel() {
    return findingLabel;
  }

  /** Whether this is a 1.x line: one CRI plugin holds every CRI setting. */
  public boolean isOneX() {
    return major == 1;
  }

  /** The {@code version = N} this line's own config.toml carries. */
  public int configVersion() {
    return configVersion;
  }

  /** The plugin whose table holds {@code registry.config_path}. */
  public PluginId imagePlugin() {
    return imagePlugin;
  }

  /** How this line reads a config.toml whose {@code version} line says {@code version}. */
  public Layout layout(long version) {
    switch (this) {
      case V1_6:
        return version < 2 ? Layout.V1_SHORT_IDS : Layout.V2;
      case V1_7:
        return version < 2 ? Layout.V1_SHORT_IDS : version == 2 ? Layout.V2 : Layout.REFUSED;
      default:
        return version == 2 ? Layout.V2_MIGRATED : version > 3 ? Layout.REFUSED : Layout.V3;
    }
  }

  /** Where this line's binaries come from. */
  public ReleaseSource source() {
    return source;
  }

  /**
   * The smallest config.toml that makes the CRI plugin read hosts.toml files from {@code
   * configPath} (e.g. {@code /etc/containerd/certs.d}).
   */
  public String registryConfigToml(String configPath) {
    return "version = "
        + configVersion
        + "\n\n[plugins.\""
        + imagePlugin.id()
        + "\".registry]\n  config_path = \""
        + configPath
        + "\"\n";
  }

  /** The line {@code label} names, if any. */
  public static Optional<VersionFamily> of(String label) {
    return Arrays.stream(values()).filter(v -> v.label.equals(label)).findFirst();
  }

  /**
   * The line {@code label} names.
   *
   * @throws IllegalArgumentException naming the label and the known ones
   */
  public static VersionFamily parse(String label) {
    return of(label)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown containerd version family '"
                        + label
                        + "'; known: "
                        + String.join(", ", labels())));
  }

  /** Every label, oldest line first. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(VersionFamily::label).toList();
  }

  @Override
  public String toString() {
    return label;
  }
}
