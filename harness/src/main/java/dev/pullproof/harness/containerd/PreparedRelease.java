package dev.pullproof.harness.containerd;

import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.DebianPackage;
import dev.pullproof.harness.version.LocalBinaries;
import dev.pullproof.harness.version.ReleaseSource;
import dev.pullproof.harness.version.UpstreamArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A containerd release ready to become a node image: a Debian family unpacked by {@code
 * ci/containerd-images} (exact package versions from {@code <cache>/containerd/<family>/versions}),
 * or an upstream archive or the user's binaries staged by {@link ReleasePreparation}; where it came
 * from, and the directory whose content becomes the image.
 *
 * @param origin what names the binaries beyond the source, e.g. the archive's URL and SHA-256
 */
public record PreparedRelease(
    ContainerdVersion family,
    ReleaseSource source,
    String containerdVersion,
    String libcVersion,
    Path imageRoot,
    Map<String, String> origin) {

  /** The manifest's file name in a release's cache directory. */
  static final String MANIFEST = "versions";

  public PreparedRelease {
    if (family == null) {
      throw new IllegalArgumentException("family is required");
    }
    if (source == null) {
      throw new IllegalArgumentException("source is required");
    }
    requireText(containerdVersion, "containerdVersion");
    requireText(libcVersion, "libcVersion");
    if (imageRoot == null) {
      throw new IllegalArgumentException("imageRoot is required");
    }
    origin = Map.copyOf(origin);
  }

  /** A Debian family's release, which its suite and package versions name alone. */
  public PreparedRelease(
      ContainerdVersion family,
      ReleaseSource source,
      String containerdVersion,
      String libcVersion,
      Path imageRoot) {
    this(family, source, containerdVersion, libcVersion, imageRoot, Map.of());
  }

  /** The source's facts and the origin's, sorted: what the image's labels and reports name. */
  public Map<String, String> provenance() {
    Map<String, String> all = new TreeMap<>(source.provenance());
    all.putAll(origin);
    return all;
  }

  /** {@code containerd 2.2.1 (upstream archive https://..., sha256 ab12...)}, for reports. */
  public String describe() {
    if (source instanceof UpstreamArchive u) {
      return containerdVersion
          + " (upstream archive "
          + origin.getOrDefault("url", u.archiveName())
          + ", sha256 "
          + origin.getOrDefault("sha256", "?")
          + ")";
    }
    if (source instanceof LocalBinaries l) {
      return containerdVersion + " (local binaries " + l.path() + ")";
    }
    return containerdVersion + " (Debian " + ((DebianPackage) source).suite() + ")";
  }

  /**
   * Reads the manifest ci/containerd-images wrote for {@code family} under {@code cacheRoot} (the
   * {@code .cache} directory of the repository, or {@code PULLPROOF_CACHE}).
   */
  public static PreparedRelease load(Path cacheRoot, ContainerdVersion family) {
    Path dir = cacheRoot.resolve("containerd").resolve(family.label());
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest) || !Files.isDirectory(dir.resolve("image"))) {
      throw new IllegalStateException(
          "containerd "
              + family
              + " is not prepared ("
              + manifest
              + " is missing): run ci/containerd-images "
              + family);
    }
    Map<String, String> values = values(manifest);
    for (String key : List.of("family", "suite", "containerd", "libc6")) {
      if (!values.containsKey(key)) {
        throw new IllegalStateException(
            manifest + " has no '" + key + "=' line: run ci/containerd-images " + family);
      }
    }
    if (!family.label().equals(values.get("family"))) {
      throw new IllegalStateException(
          manifest + " says family=" + values.get("family") + ", expected " + family);
    }
    return new PreparedRelease(
        family,
        new DebianPackage(values.get("suite")),
        values.get("containerd"),
        values.get("libc6"),
        dir.resolve("image"));
  }

  /**
   * Reads the manifest {@link ReleasePreparation} wrote in {@code dir} for a release that is not
   * Debian's: {@code containerd=} what the binary reports, {@code libc6=}, and its origin ({@code
   * url=}, {@code sha256=}).
   */
  static PreparedRelease read(Path dir, ContainerdVersion version) {
    Path manifest = dir.resolve(MANIFEST);
    Map<String, String> values = values(manifest);
    for (String key : List.of("containerd", "libc6")) {
      if (!values.containsKey(key)) {
        throw new IllegalStateException(
            manifest + " has no '" + key + "=' line: remove " + dir + " and run again");
      }
    }
    Map<String, String> origin = new TreeMap<>();
    for (String key : List.of("url", "sha256", "libc-from")) {
      if (values.containsKey(key)) {
        origin.put(key, values.get(key));
      }
    }
    return new PreparedRelease(
        version,
        version.source(),
        values.get("containerd"),
        values.get("libc6"),
        dir.resolve("image"),
        origin);
  }

  /** The {@code key=value} lines of a manifest. */
  static Map<String, String> values(Path manifest) {
    Map<String, String> values = new HashMap<>();
    try {
      for (String line : Files.readAllLines(manifest)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          values.put(line.substring(0, eq), line.substring(eq + 1).trim());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + manifest + ": " + e.getMessage(), e);
    }
    return values;
  }

  /**
   * The image tag: both exact Debian versions, with the characters a tag cannot hold ({@code ~ +
   * :}) mapped to {@code _}, e.g. {@code 1.6.20_ds1-1_deb12u3-libc6-2.36-9_deb12u14}.
   */
  public String imageTag() {
    String kind =
        source instanceof UpstreamArchive
            ? "upstream-"
            : source instanceof LocalBinaries ? "local-" : "";
    String content =
        origin.containsKey("sha256") ? "-" + origin.get("sha256").substring(0, 12) : "";
    String tag = kind + containerdVersion + content + "-libc6-" + libcVersion;
    return tag.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /**
   * The upstream version without Debian's suffixes, e.g. {@code 1.7.24} for {@code 1.7.24~ds1-6}.
   */
  public String upstreamVersion() {
    return containerdVersion.replaceFirst("[~+-].*$", "");
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
  }
}
