package dev.pullproof.harness.containerd;

import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.DebianPackage;
import dev.pullproof.harness.version.LocalBinaries;
import dev.pullproof.harness.version.UpstreamArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prepares any {@link ContainerdVersion} for a node image: a Debian family as {@code
 * ci/containerd-images} left it; an exact upstream release downloaded by {@link ReleaseArchives},
 * verified and staged with the C library of Debian's newest family ({@code 2}, sid); binaries the
 * user has, staged the same way. Staged releases are cached under {@code
 * <cache>/containerd/upstream/<version>} and {@code <cache>/containerd/local/<sha256>}: a second
 * preparation reads the manifest and touches nothing else.
 */
public final class ReleasePreparation {
  /** The Debian family whose libc and loader the other releases run with: the newest glibc. */
  static final ContainerdVersion LIBC_FAMILY = ContainerdVersion.V2;

  private final Path cacheRoot;
  private final ReleaseArchives archives;

  public ReleasePreparation(Path cacheRoot, ReleaseArchives archives) {
    this.cacheRoot = cacheRoot;
    this.archives = archives;
  }

  /** This process's cache root and release base ({@value ReleaseArchives#VARIABLE}). */
  public static ReleasePreparation current() {
    return new ReleasePreparation(
        CacheRoot.current(), ReleaseArchives.fromEnvironment(System.getenv()));
  }

  /**
   * The prepared release of {@code version}.
   *
   * @throws IllegalStateException one line saying what failed and what to do; nothing is left
   *     half-staged
   */
  public PreparedRelease prepare(ContainerdVersion version) {
    if (version.source() instanceof DebianPackage) {
      return PreparedRelease.load(cacheRoot, version);
    }
    if (version.source() instanceof UpstreamArchive a) {
      return upstream(version, a);
    }
    return local(((LocalBinaries) version.source()).path()).release();
  }

  private PreparedRelease upstream(ContainerdVersion version, UpstreamArchive a) {
    Path dir = cacheRoot.resolve("containerd/upstream").resolve(a.version());
    if (Files.isRegularFile(dir.resolve(PreparedRelease.MANIFEST))
        && Files.isRegularFile(dir.resolve("image/usr/bin/containerd"))) {
      return PreparedRelease.read(dir, version);
    }
    ReleaseArchives.Fetched fetched = archives.fetch(a, dir);
    Map<String, String> origin = new LinkedHashMap<>();
    origin.put("url", fetched.from().toString());
    origin.put("sha256", fetched.sha256());
    String reported =
        stage(
            dir,
            version,
            image -> ReleaseStaging.unpack(fetched.archive(), image),
            fetched.archive().toString());
    if (!ReleaseStaging.upstreamPart(reported).equals(a.version())) {
      deleteTree(dir.resolve("image"));
      throw new IllegalStateException(
          "containerd "
              + a.version()
              + ": "
              + fetched.from()
              + " holds a containerd that reports version "
              + reported
              + "; nothing ran (the archive is not that release)");
    }
    return write(dir, version, "upstream", reported, origin);
  }

  /**
   * Stages binaries the user has: {@code path} a directory with {@code containerd} and {@code ctr}
   * (or {@code bin/} holding them), or an upstream-layout {@code .tar.gz}.
   *
   * @return the version the binaries report and their prepared release
   */
  public Local local(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    boolean archive = Files.isRegularFile(abs) && abs.getFileName().toString().endsWith(".tar.gz");
    if (!archive && !Files.isDirectory(abs)) {
      throw new IllegalStateException(
          path + " is neither a directory holding containerd and ctr nor a .tar.gz archive");
    }
    String sha;
    try {
      sha =
          ReleaseArchives.sha256(
              archive ? abs : ReleaseStaging.binary(abs, ReleaseStaging.BINARIES.get(0)));
    } catch (IOException e) {
      throw new IllegalStateException(path + ": " + e.getMessage(), e);
    }
    Path dir = cacheRoot.resolve("containerd/local").resolve(sha.substring(0, 16));
    Path manifest = dir.resolve(PreparedRelease.MANIFEST);
    if (Files.isRegularFile(manifest) && Files.isRegularFile(dir.resolve("image/usr/bin/ctr"))) {
      String reported = PreparedRelease.values(manifest).get("containerd");
      ContainerdVersion v = ContainerdVersion.local(abs, reported);
      return new Local(v, PreparedRelease.read(dir, v));
    }
    String reported =
        stage(
            dir,
            null,
            image -> {
              if (archive) {
                ReleaseStaging.unpack(abs, image);
              } else {
                ReleaseStaging.copy(abs, image);
              }
            },
            path.toString());
    ContainerdVersion v = ContainerdVersion.local(abs, reported);
    return new Local(v, write(dir, v, "local", reported, Map.of("sha256", sha)));
  }

  private String stage(Path dir, ContainerdVersion version, Step binaries, String what) {
    PreparedRelease libc = PreparedRelease.load(cacheRoot, LIBC_FAMILY);
    Path tmp = dir.resolve("image.tmp");
    try {
      deleteTree(tmp);
      binaries.into(tmp);
      ReleaseStaging.addLibc(libc.imageRoot(), tmp);
      String reported = ReleaseStaging.check(tmp);
      deleteTree(dir.resolve("image"));
      Files.move(tmp, dir.resolve("image"), StandardCopyOption.ATOMIC_MOVE);
      return reported;
    } catch (IOException e) {
      deleteTree(tmp);
      throw new IllegalStateException(
          (version == null ? "" : "containerd " + version + ": ")
              + what
              + ": "
              + e.getMessage()
              + "; nothing ran",
          e);
    }
  }

  private PreparedRelease write(
      Path dir,
      ContainerdVersion version,
      String kind,
      String reported,
      Map<String, String> origin) {
    PreparedRelease libc = PreparedRelease.load(cacheRoot, LIBC_FAMILY);
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("family", version.label());
    lines.put("source", kind);
    lines.putAll(origin);
    lines.put("containerd", reported);
    lines.put("libc6", libc.libcVersion());
    lines.put("libc-from", LIBC_FAMILY.label());
    StringBuilder text = new StringBuilder();
    lines.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    try {
      Path part = dir.resolve(PreparedRelease.MANIFEST + ".tmp");
      Files.writeString(part, text);
      Files.move(
          part,
          dir.resolve(PreparedRelease.MANIFEST),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + dir + ": " + e.getMessage(), e);
    }
    return PreparedRelease.read(dir, version);
  }

  private static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot remove " + p + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface Step {
    void into(Path image) throws IOException;
  }

  /** Binaries the user has: the version they report and their prepared release. */
  public record Local(ContainerdVersion version, PreparedRelease release) {}
}
