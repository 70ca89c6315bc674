package dev.pullproof.harness.containerd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.testcontainers.containers.output.OutputFrame;

/**
 * containerd's log (it writes to stderr), line by line, kept in memory for the container's whole
 * life and after it: a scenario's outcome quotes it once the container is gone.
 */
public final class ContainerdLog implements Consumer<OutputFrame> {
  private static final Pattern CRI_LOAD_FAILURE =
      Pattern.compile("(failed to load plugin|skip loading plugin|failed to create CRI service)");

  private final List<String> lines = new ArrayList<>();
  private final StringBuilder partial = new StringBuilder();

  @Override
  public synchronized void accept(OutputFrame frame) {
    if (frame.getType() == OutputFrame.OutputType.END) {
      flush();
      return;
    }
    partial.append(frame.getUtf8String());
    int newline;
    while ((newline = partial.indexOf("\n")) >= 0) {
      lines.add(partial.substring(0, newline));
      partial.delete(0, newline + 1);
    }
    notifyAll();
  }

  /**
   * Waits until at least {@code count} lines satisfy {@code line}, at most {@code timeout}: the log
   * reaches this process a little after containerd wrote it, so a line containerd wrote before
   * answering a call may not be here yet when the answer is.
   *
   * @return whether that many lines arrived in time
   */
  public synchronized boolean await(Predicate<String> line, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (lines.stream().filter(line).count() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  private void flush() {
    if (partial.length() > 0) {
      lines.add(partial.toString());
      partial.setLength(0);
    }
  }

  /** Every line so far. */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** The whole log as one text. */
  public String text() {
    return String.join("\n", lines());
  }

  /** Lines containing {@code text}. */
  public List<String> matching(String text) {
    return lines().stream().filter(l -> l.contains(text)).toList();
  }

  /**
   * The lines in which containerd says why its CRI plugin did not load: a plugin load failure or
   * skip naming a CRI plugin, else every error-level line.
   */
  public List<String> criLoadFailures() {
    List<String> all = lines();
    List<String> found = new ArrayList<>();
    for (String line : all) {
      if (CRI_LOAD_FAILURE.matcher(line).find() && line.contains("cri")) {
        found.add(line);
      }
    }
    if (found.isEmpty()) {
      for (String line : all) {
        if (line.contains("level=error") || line.contains("level=fatal")) {
          found.add(line);
        }
      }
    }
    return found;
  }
}
