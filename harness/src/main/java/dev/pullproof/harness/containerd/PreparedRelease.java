package dev.pullproof.harness.containerd;

import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.DebianPackage;
import dev.pullproof.harness.version.ReleaseSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A containerd release unpacked by {@code ci/containerd-images}: its family, where it came from
 * (the Debian suite), the exact package versions (from {@code
 * <cache>/containerd/<family>/versions}), and the directory whose content becomes the image.
 */
public record PreparedRelease(
    ContainerdVersion family,
    ReleaseSource source,
    String containerdVersion,
    String libcVersion,
    Path imageRoot) {

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
  }

  /**
   * Reads the manifest ci/containerd-images wrote for {@code family} under {@code cacheRoot} (the
   * {@code .cache} directory of the repository, or {@code PULLPROOF_CACHE}).
   */
  public static PreparedRelease load(Path cacheRoot, ContainerdVersion family) {
    Path dir = cacheRoot.resolve("containerd").resolve(family.label());
    Path manifest = dir.resolve("versions");
    if (!Files.isRegularFile(manifest) || !Files.isDirectory(dir.resolve("image"))) {
      throw new IllegalStateException(
          "containerd "
              + family
              + " is not prepared ("
              + manifest
              + " is missing): run ci/containerd-images "
              + family);
    }
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
   * The image tag: both exact Debian versions, with the characters a tag cannot hold ({@code ~ +
   * :}) mapped to {@code _}, e.g. {@code 1.6.20_ds1-1_deb12u3-libc6-2.36-9_deb12u14}.
   */
  public String imageTag() {
    String tag = containerdVersion + "-libc6-" + libcVersion;
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
