package dev.pullproof.harness.containerd;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Makes the content of a FROM scratch node image from binaries that are not Debian's: {@code
 * containerd} and {@code ctr} from an upstream release archive ({@code bin/} inside it) or from a
 * directory, plus the C library and loader of a prepared Debian family. The image's own loader then
 * checks that they satisfy the binaries ({@code ld.so --list}: a missing library or symbol version
 * fails here, not as an exec error in the container) and runs {@code containerd --version}, which
 * names the release.
 */
final class ReleaseStaging {
  static final List<String> BINARIES = List.of("containerd", "ctr");
  private static final String LOADER = "lib64/ld-linux-x86-64.so.2";
  private static final String LIBC = "lib/x86_64-linux-gnu/libc.so.6";

  private ReleaseStaging() {}

  /** Unpacks {@code bin/containerd} and {@code bin/ctr} of an upstream archive into {@code to}. */
  static void unpack(Path archive, Path to) throws IOException {
    Files.createDirectories(to.resolve("usr/bin"));
    List<String> found = new ArrayList<>();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        String name = e.getName().replaceFirst("^\\./", "");
        String bin = name.startsWith("bin/") ? name.substring(4) : "";
        if (e.isFile() && BINARIES.contains(bin)) {
          Path target = to.resolve("usr/bin").resolve(bin);
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
          executable(target);
          found.add(bin);
        }
      }
    } catch (IOException e) {
      throw new IOException(archive + " is not a readable .tar.gz (" + e.getMessage() + ")", e);
    }
    List<String> missing = BINARIES.stream().filter(b -> !found.contains(b)).toList();
    if (!missing.isEmpty()) {
      throw new IOException(
          archive
              + " holds no "
              + String.join(", ", missing.stream().map(b -> "bin/" + b).toList())
              + " (an upstream containerd archive has bin/containerd and bin/ctr)");
    }
  }

  /** Copies {@code containerd} and {@code ctr} from {@code dir} (or its {@code bin/}). */
  static void copy(Path dir, Path to) throws IOException {
    Files.createDirectories(to.resolve("usr/bin"));
    for (String bin : BINARIES) {
      Path from = binary(dir, bin);
      Path target = to.resolve("usr/bin").resolve(bin);
      Files.copy(from, target, StandardCopyOption.REPLACE_EXISTING);
      executable(target);
    }
  }

  /** {@code dir/bin/NAME} or {@code dir/NAME}, whichever is a file. */
  static Path binary(Path dir, String name) throws IOException {
    for (Path p : List.of(dir.resolve("bin").resolve(name), dir.resolve(name))) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IOException(dir + " holds no " + name + " (nor bin/" + name + ")");
  }

  /** Adds the loader and libc of {@code familyImage} (a prepared Debian family's image dir). */
  static void addLibc(Path familyImage, Path to) throws IOException {
    for (String lib : List.of(LOADER, LIBC)) {
      Path from = familyImage.resolve(lib);
      if (!Files.isRegularFile(from)) {
        throw new IOException(from + " is missing: run ci/containerd-images");
      }
      Files.createDirectories(to.resolve(lib).getParent());
      Files.copy(from, to.resolve(lib), StandardCopyOption.REPLACE_EXISTING);
      executable(to.resolve(lib));
    }
    Files.createDirectories(to.resolve("etc/containerd"));
    Files.createDirectories(to.resolve("tmp"));
  }

  /**
   * Checks with the image's loader that each binary finds every library and symbol version it needs
   * there, and returns what {@code containerd --version} printed.
   */
  static String check(Path image) throws IOException {
    for (String bin : BINARIES) {
      Path program = image.resolve("usr/bin").resolve(bin);
      Result listed = loader(image, "--list", program.toString());
      if (listed.text().contains("not a dynamic executable")) {
        continue;
      }
      for (String line : listed.text().split("\n")) {
        String lib = line.strip().split("\\s+")[0];
        boolean known =
            lib.isEmpty()
                || lib.startsWith("linux-vdso")
                || lib.equals("libc.so.6")
                || lib.endsWith("ld-linux-x86-64.so.2");
        if (!known || line.contains("not found") || listed.exit() != 0) {
          throw new IOException(
              bin
                  + " needs what the image does not carry ("
                  + line.strip()
                  + "); the image has only libc and the loader of Debian's "
                  + image.getFileName());
        }
      }
    }
    Path containerd = image.resolve("usr/bin/containerd");
    Result version =
        isDynamic(image, containerd)
            ? loader(image, containerd.toString(), "--version")
            : run(List.of(containerd.toString(), "--version"));
    if (version.exit() != 0) {
      throw new IOException("containerd --version failed: " + version.text().strip());
    }
    // "containerd github.com/containerd/containerd/v2 v2.2.1 <commit>"
    String[] words = version.text().strip().split("\\s+");
    if (words.length < 3) {
      throw new IOException("containerd --version printed '" + version.text().strip() + "'");
    }
    return words[2].replaceFirst("^v", "");
  }

  private static boolean isDynamic(Path image, Path program) throws IOException {
    return !loader(image, "--list", program.toString()).text().contains("not a dynamic");
  }

  private static Result loader(Path image, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(image.resolve(LOADER).toString());
    cmd.add("--library-path");
    cmd.add(image.resolve(LIBC).getParent().toString());
    cmd.addAll(List.of(args));
    return run(cmd);
  }

  private static Result run(List<String> cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", cmd) + " did not finish in 30 s");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while running " + cmd.get(0), e);
    }
  }

  private static void executable(Path p) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The upstream part of a reported version, e.g. {@code 2.1.9} of {@code 2.1.9+unknown}. */
  static String upstreamPart(String reported) {
    return reported
        .toLowerCase(Locale.ROOT)
        .replaceFirst("^(\\d+\\.\\d+\\.\\d+(-[a-z]+\\.\\d+)?).*$", "$1");
  }

  private record Result(int exit, String text) {}
}
