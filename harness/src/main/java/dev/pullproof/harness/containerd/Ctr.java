package dev.pullproof.harness.containerd;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.testcontainers.containers.Container.ExecResult;

/**
 * containerd's own client, run inside the container: the second way to pull, which ignores
 * config.toml's CRI registry settings. Output is kept verbatim.
 */
public final class Ctr {
  private final ContainerdContainer container;
  private final Clock clock;

  Ctr(ContainerdContainer container, Clock clock) {
    this.container = container;
    this.clock = clock;
  }

  public Outcome pull(CtrPull pull) {
    Instant start = clock.instant();
    try {
      ExecResult result = container.execInContainer(pull.command().toArray(String[]::new));
      return new Outcome(
          pull.display(),
          result.getExitCode(),
          result.getStdout(),
          result.getStderr(),
          Duration.between(start, clock.instant()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot exec '" + pull.display() + "': " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running '" + pull.display() + "'", e);
    }
  }

  /** What one ctr command did: its exit code and output exactly as printed. */
  public record Outcome(String command, int exitCode, String stdout, String stderr, Duration took) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }
}
