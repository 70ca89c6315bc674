package dev.pullproof.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Waits until some of a set of files change: written (modification time or size), created or
 * removed. It polls rather than asking the kernel for events, so an editor that replaces a file by
 * renaming another over it, or a file on a shared mount, is seen the same way.
 */
final class FileWatch {
  private final Duration interval;

  FileWatch(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    this.interval = interval;
  }

  /** What a file looks like now; equal states mean unchanged. */
  private record State(boolean exists, long modifiedNanos, long size) {
    static State of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new State(
            true, a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.size());
      } catch (IOException e) {
        return new State(false, 0, 0);
      }
    }
  }

  /** Blocks until at least one of {@code files} differs from now; returns those that changed. */
  Set<Path> awaitChange(Collection<Path> files) throws InterruptedException {
    Map<Path, State> before = snapshot(files);
    while (true) {
      Thread.sleep(interval.toMillis());
      Map<Path, State> now = snapshot(files);
      Set<Path> changed =
          before.keySet().stream()
              .filter(f -> !Objects.equals(before.get(f), now.get(f)))
              .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
      if (!changed.isEmpty()) {
        return changed;
      }
    }
  }

  private static Map<Path, State> snapshot(Collection<Path> files) {
    Map<Path, State> states = new LinkedHashMap<>();
    files.forEach(f -> states.put(f, State.of(f)));
    return states;
  }
}
