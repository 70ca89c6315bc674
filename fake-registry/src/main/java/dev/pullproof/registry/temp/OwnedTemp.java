package dev.pullproof.registry.temp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
   * removed. Entries without an owner tag, and entries another sweep removed meanwhile, are left
   * alone.
   */
  public static List<Path> sweep(Path root) {
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

  private static void deleteTree(Path entry) throws IOException {
    if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(entry);
      return;
    }
    try (Stream<Path> tree = Files.walk(entry)) {
      for (Path p : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      // Another sweep removed part of the tree meanwhile: the goal is reached.
      if (Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
        throw e.getCause();
      }
    }
  }
}
