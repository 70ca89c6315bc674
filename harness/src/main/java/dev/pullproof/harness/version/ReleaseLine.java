package dev.pullproof.harness.version;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A containerd release line ({@code major.minor}) and the facts about it that validate and the
 * scenarios rely on: which config version it reads, where its image settings live, how it reads a
 * file's {@code version} line. Each line's facts were read from containerd's source at that line's
 * tags and confirmed by running one of its releases (1.6.20, 1.7.24, 2.1.9 from Debian; 2.0 and 2.2
 * from upstream release archives).
 *
 * @see <a href="https://github.com/containerd/containerd/blob/main/docs/cri/config.md">CRI
 *     config</a>
 * @see <a href="https://github.com/containerd/containerd/blob/main/RELEASES.md">release lines</a>
 */
public enum ReleaseLine {
  V1_6(1, 6),
  V1_7(1, 7),
  V2_0(2, 0),
  V2_1(2, 1),
  V2_2(2, 2);

  private final int major;
  private final int minor;

  ReleaseLine(int major, int minor) {
    this.major = major;
    this.minor = minor;
  }

  /** {@code 1.6}, {@code 2.2}. */
  public String label() {
    return major + "." + minor;
  }

  public int major() {
    return major;
  }

  public int minor() {
    return minor;
  }

  /** Whether this is a 1.x line: one CRI plugin holds every CRI setting. */
  public boolean isOneX() {
    return major == 1;
  }

  /** The {@code version = N} this line's own config.toml carries. */
  public int configVersion() {
    return isOneX() ? 2 : 3;
  }

  /** The plugin whose table holds {@code registry.config_path}. */
  public PluginId imagePlugin() {
    return isOneX() ? PluginId.GRPC_CRI : PluginId.CRI_IMAGES;
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

  /**
   * Whether the CRI image service pulls through the transfer service unless a setting forces the
   * local pull: from 2.1 (internal/cri/config CheckLocalImagePullConfigs). 1.x and 2.0 always pull
   * locally (plugins/cri/images at v2.0.11 has no transfer path).
   */
  public boolean criPullsThroughTransfer() {
    return compareTo(V2_1) >= 0;
  }

  /** The line {@code major.minor} names, if pullproof knows it. */
  public static Optional<ReleaseLine> of(int major, int minor) {
    return Arrays.stream(values()).filter(l -> l.major == major && l.minor == minor).findFirst();
  }

  /**
   * The known line whose facts are the best guess for {@code major.minor}: the same line, else the
   * newest known line of that major below it, else the oldest of the major (or of all lines).
   */
  public static ReleaseLine nearest(int major, int minor) {
    List<ReleaseLine> sameMajor = Arrays.stream(values()).filter(l -> l.major == major).toList();
    if (sameMajor.isEmpty()) {
      return major < V1_6.major ? V1_6 : values()[values().length - 1];
    }
    ReleaseLine best = sameMajor.get(0);
    for (ReleaseLine l : sameMajor) {
      if (l.minor <= minor) {
        best = l;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return label();
  }
}
