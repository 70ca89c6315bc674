package dev.pullproof.harness.version;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A containerd pullproof starts and validates against: one of Debian's three families ({@code 1.6}
 * from bookworm, {@code 1.7} from trixie, {@code 2} from sid: the defaults), an exact upstream
 * release ({@code 2.2.1}, taken from containerd's release archive), or binaries the user already
 * has. Each carries the {@link ReleaseLine} whose facts apply to it, and says whether pullproof has
 * static knowledge of that line at all: a release of a line it has not studied still runs, and
 * validate says its static checks are a guess.
 *
 * @param label as scenario files, the command line and reports write it
 * @param line the release line whose facts apply
 * @param lineKnown whether {@code line} is this release's own line, not the nearest guess
 * @param source where the binaries come from
 */
public record ContainerdVersion(
    String label, ReleaseLine line, boolean lineKnown, ReleaseSource source)
    implements Comparable<ContainerdVersion> {
  public static final ContainerdVersion V1_6 =
      new ContainerdVersion("1.6", ReleaseLine.V1_6, true, new DebianPackage("bookworm"));
  public static final ContainerdVersion V1_7 =
      new ContainerdVersion("1.7", ReleaseLine.V1_7, true, new DebianPackage("trixie"));

  /** sid's 2.x; the line is the one sid carried when pullproof's 2.x facts were taken (2.1.9). */
  public static final ContainerdVersion V2 =
      new ContainerdVersion("2", ReleaseLine.V2_1, true, new DebianPackage("sid"));

  private static final String LOCAL_SUFFIX = "+local";

  private static final List<ContainerdVersion> FAMILIES = List.of(V1_6, V1_7, V2);

  /** {@code 2.2.1}, {@code v1.7.29}, {@code 2.1.0-rc.1}: what upstream tags name. */
  private static final Pattern EXACT =
      Pattern.compile("v?((\\d+)\\.(\\d+)\\.(\\d+)(-(?:alpha|beta|rc)\\.\\d+)?)");

  public ContainerdVersion {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("label must not be empty");
    }
    if (line == null) {
      throw new IllegalArgumentException("line is required");
    }
    if (source == null) {
      throw new IllegalArgumentException("source is required");
    }
  }

  /** An upstream release by its exact version, e.g. {@code 2.2.1}. */
  public static ContainerdVersion upstream(String version) {
    Matcher m = EXACT.matcher(version.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + version + "' is not a containerd release (e.g. 2.2.1, 1.7.29)");
    }
    return ofRelease(m.group(1), m, new UpstreamArchive(m.group(1)));
  }

  /**
   * Binaries the user has ({@code path}: a directory holding {@code containerd} and {@code ctr}, or
   * an archive in the upstream layout); {@code reported} is what the binary's {@code --version}
   * printed, e.g. {@code 2.2.1}.
   */
  public static ContainerdVersion local(Path path, String reported) {
    Matcher m = EXACT.matcher(reported.trim());
    if (!m.lookingAt()) {
      throw new IllegalArgumentException(
          path + ": its containerd reports version '" + reported + "', which is not a release");
    }
    return ofRelease(m.group(1) + LOCAL_SUFFIX, m, new LocalBinaries(path));
  }

  private static ContainerdVersion ofRelease(String label, Matcher m, ReleaseSource source) {
    int major = Integer.parseInt(m.group(2));
    int minor = Integer.parseInt(m.group(3));
    Optional<ReleaseLine> own = ReleaseLine.of(major, minor);
    return new ContainerdVersion(
        label, own.orElseGet(() -> ReleaseLine.nearest(major, minor)), own.isPresent(), source);
  }

  /** Whether this is one of Debian's families (a default version). */
  public boolean isFamily() {
    return source instanceof DebianPackage;
  }

  /**
   * The Debian family whose per-version scenario entries (files, expectations) stand for this
   * release when the scenario names no entry of its own: 1.6 for 1.6.x, 1.7 for 1.7.x, 2 for 2.x.
   */
  public ContainerdVersion family() {
    if (isFamily()) {
      return this;
    }
    if (line.isOneX()) {
      return line == ReleaseLine.V1_6 ? V1_6 : V1_7;
    }
    return V2;
  }

  /** As findings name it in prose: {@code 1.6}, {@code 1.7}, {@code 2.x}, {@code 2.2.1}. */
  public String findingLabel() {
    return this.equals(V2) ? "2.x" : label;
  }

  /**
   * This version with what its node reported, for headings: {@code 2 (2.1.9+ds1-5)}; a report that
   * already carries its origin in parentheses follows an equals sign instead of nesting them
   * ({@code 2.2.1 = 2.2.1 (upstream archive URL, sha256 ...)}).
   */
  public String withReported(String reported) {
    if (reported == null || reported.isEmpty()) {
      return label;
    }
    return reported.contains("(") ? label + " = " + reported : label + " (" + reported + ")";
  }

  /**
   * This version's own entry in a per-version table of a scenario, else its {@link #family()}'s: a
   * scenario written for Debian's families runs unchanged on an exact release of the same line.
   */
  public <V> Optional<V> entryIn(Map<ContainerdVersion, V> table) {
    V own = table.get(this);
    return own != null ? Optional.of(own) : Optional.ofNullable(table.get(family()));
  }

  /** Whether this is a 1.x release: one CRI plugin holds every CRI setting. */
  public boolean isOneX() {
    return line.isOneX();
  }

  /** The {@code version = N} this release's own config.toml carries. */
  public int configVersion() {
    return line.configVersion();
  }

  /** The plugin whose table holds {@code registry.config_path}. */
  public PluginId imagePlugin() {
    return line.imagePlugin();
  }

  /** How this release reads a config.toml whose {@code version} line says {@code version}. */
  public Layout layout(long version) {
    return line.layout(version);
  }

  /**
   * The smallest config.toml that makes the CRI plugin read hosts.toml files from {@code
   * configPath} (e.g. {@code /etc/containerd/certs.d}).
   */
  public String registryConfigToml(String configPath) {
    return "version = "
        + configVersion()
        + "\n\n[plugins.\""
        + imagePlugin().id()
        + "\".registry]\n  config_path = \""
        + configPath
        + "\"\n";
  }

  /** The family or exact upstream release {@code label} names, if any. */
  public static Optional<ContainerdVersion> of(String label) {
    String l = label.trim();
    for (ContainerdVersion f : FAMILIES) {
      if (f.label.equals(l)) {
        return Optional.of(f);
      }
    }
    return EXACT.matcher(l).matches() ? Optional.of(upstream(l)) : Optional.empty();
  }

  /**
   * The family or exact release {@code label} names.
   *
   * @throws IllegalArgumentException naming the label and what is accepted
   */
  public static ContainerdVersion parse(String label) {
    return of(label).orElseThrow(() -> new IllegalArgumentException(unknown(label)));
  }

  /** The message for a label that names no version, with the accepted forms. */
  public static String unknown(String label) {
    String line = label.replaceFirst("^v", "");
    return "unknown containerd version '"
        + label
        + "'; known: the families "
        + String.join(", ", labels())
        + " or an exact release such as 2.2.1"
        + (line.matches("\\d+\\.\\d+")
            ? " (" + line + " is a release line: write " + line + ".0 or the release you mean)"
            : "");
  }

  /**
   * The version a report recorded under {@code label}: as {@link #parse}, and binaries the user had
   * ({@code 2.0.7+local}), whose path the report does not keep.
   */
  public static ContainerdVersion recorded(String label) {
    if (label.endsWith(LOCAL_SUFFIX)) {
      String reported = label.substring(0, label.length() - LOCAL_SUFFIX.length());
      return local(Path.of("recorded"), reported);
    }
    return parse(label);
  }

  /** Debian's three families, oldest first: what runs when nothing else is named. */
  public static List<ContainerdVersion> families() {
    return FAMILIES;
  }

  /** The families' labels, oldest first. */
  public static List<String> labels() {
    return FAMILIES.stream().map(ContainerdVersion::label).toList();
  }

  /** Oldest line first; on one line the Debian family before exact releases, then by label. */
  @Override
  public int compareTo(ContainerdVersion o) {
    int c = line.compareTo(o.line);
    if (c != 0) {
      return c;
    }
    if (isFamily() != o.isFamily()) {
      return isFamily() ? -1 : 1;
    }
    return label.compareTo(o.label);
  }

  @Override
  public String toString() {
    return label;
  }
}
