package dev.pullproof.registry.temp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Temporary files and directories named after the process that made them: {@code
 * PREFIX-p<pid>-s<start millis>-<random>}. A JVM killed with SIGKILL runs no shutdown hook and no
 * finally block, so what it left in the temporary directory stays there; the next run's {@link
 * #sweep} removes every owned entry whose process is gone (or whose pid now names a process that
 * started at another time), and never touches a live owner's.
 */
public final class OwnedTemp {
  private static final Pattern OWNED = Pattern.compile("-p(\\d+)-s(\\d+)-");

  private OwnedTemp() {}

  /** A new directory in {@code java.io.tmpdir} owned by this process. */
  public static Path directory(String prefix) throws IOException {
    return Files.createTempDirectory(prefix + ownerTag());
  }

  /** A new file in {@code java.io.tmpdir} owned by this process. */
  public static Path file(String prefix, String suffix) throws IOException {
    return Files.createTempFile(prefix + ownerTag(), suffix);
  }

  /** The default temporary directory, where {@link #directory} and {@link #file} create. */
  public static Path root() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  /**
   * Removes the owned entries directly in {@code root} whose owner process is gone; returns what it
   * removed. One sweep at a time in this process (nodes start in parallel and each sweeps). Entries
   * without an owner tag, and entries another sweep removed meanwhile, are left alone.
   */
  public static synchronized List<Path> sweep(Path root) {
    List<Path> removed = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        Optional<long[]> owner = ownerOf(entry.getFileName().toString());
        if (owner.isPresent() && gone(owner.get()[0], owner.get()[1])) {
          deleteTree(entry);
          removed.add(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sweep stale temporary files in " + root, e);
    }
    return removed;
  }

  /** The owned entries directly in {@code root} whose owner is {@code pid}, for checks. */
  public static List<Path> ownedBy(Path root, long pid) {
    try (Stream<Path> entries = Files.list(root)) {
      return entries
          .filter(e -> ownerOf(e.getFileName().toString()).map(o -> o[0] == pid).orElse(false))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  static Optional<long[]> ownerOf(String name) {
    Matcher m = OWNED.matcher(name);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String ownerTag() {
    ProcessHandle self = ProcessHandle.current();
    return "-p" + self.pid() + "-s" + startMillis(self) + "-";
  }

  private static boolean gone(long pid, long start) {
    Optional<ProcessHandle> owner = ProcessHandle.of(pid);
    return owner.isEmpty() || !owner.get().isAlive() || startMillis(owner.get()) != start;
  }

  private static long startMillis(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }

  /**
   * Deletes {@code entry} and everything under it. Another process's sweep may be deleting the same
   * tree: whatever vanishes meanwhile is already where it should be, so a missing file or directory
   * is skipped rather than reported.
   */
  private static void deleteTree(Path entry) throws IOException {
    if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        entry,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
