package dev.pullproof.harness.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A run owns its report directory: the reports are written into a fresh sibling directory which
 * then replaces the old one whole, so no file of an earlier run survives. A directory is only
 * replaced when it is empty or carries the {@link #MARKER} an earlier report left; anything else is
 * refused rather than deleted.
 */
final class ReportDir {
  static final String MARKER = ".pullproof-report";

  private ReportDir() {}

  /** Something that writes a report's files into a directory. */
  interface Contents {
    void writeInto(Path dir) throws IOException;
  }

  static void replace(Path dir, Contents contents) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    if (Files.exists(target) && !replaceable(target)) {
      throw new IllegalArgumentException(
          "report directory "
              + dir
              + " (--report) holds files that are not a pullproof report (no "
              + MARKER
              + "): choose a new or empty directory, or remove that one");
    }
    Path parent = target.getParent();
    Files.createDirectories(parent);
    String name = target.getFileName().toString();
    Path fresh = Files.createTempDirectory(parent, "." + name + ".new-");
    try {
      // a temporary directory is private; a report is read by whoever reads the run's output
      if (Files.getFileStore(fresh).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      contents.writeInto(fresh);
      Files.writeString(
          fresh.resolve(MARKER),
          "pullproof report; the next run into this directory replaces it\n");
      if (Files.exists(target)) {
        Path old = Files.createTempDirectory(parent, "." + name + ".old-");
        Files.move(target, old.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        delete(old);
      } else {
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      if (Files.exists(fresh)) {
        delete(fresh);
      }
    }
  }

  private static boolean replaceable(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    if (Files.exists(dir.resolve(MARKER))) {
      return true;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void delete(Path tree) throws IOException {
    try (Stream<Path> paths = Files.walk(tree)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
