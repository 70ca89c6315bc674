package dev.pullproof.harness.containerd;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    return exec(pull.command(container.socketInNode()), pull.display(container.socketInNode()));
  }

  /**
   * {@code ctr --address SOCKET --namespace NAMESPACE ARGS...} as given, whatever it answers: an
   * observation ({@code plugins ls}, {@code deprecations list}), where a non-zero exit is a fact.
   */
  public Outcome command(String namespace, List<String> args) {
    List<String> command = ctr(namespace);
    command.addAll(args);
    return exec(command, String.join(" ", command));
  }

  /**
   * Removes every image of a namespace, then has containerd collect its garbage at once, so their
   * content and snapshots are gone and the next pull downloads everything again, as on a fresh
   * node. A CRI pull leaves several references (tag, digest, image id): all go. What a failed pull
   * left (blobs it finished, layers it unpacked) belongs to no image and would otherwise wait for a
   * later collection; a pull would find it and skip those downloads.
   *
   * @return the references removed
   * @throws IllegalStateException when ctr cannot list or remove them, with its own words
   */
  public List<String> removeAllImages(String namespace) {
    List<String> refs =
        run(ctr(namespace, "images", "ls", "-q"))
            .stdout()
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .toList();
    if (refs.isEmpty()) {
      // nothing to remove: deleting a lease synchronously is the way ctr runs a collection
      run(ctr(namespace, "leases", "create", "--id", "pullproof-collect"));
      run(ctr(namespace, "leases", "delete", "--sync", "pullproof-collect"));
    } else {
      List<String> remove = ctr(namespace, "images", "rm", "--sync");
      remove.addAll(refs);
      run(remove);
    }
    return refs;
  }

  private List<String> ctr(String namespace, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of("ctr", "--address", container.socketInNode(), "--namespace", namespace));
    command.addAll(List.of(args));
    return command;
  }

  private Outcome run(List<String> command) {
    Outcome outcome = exec(command, String.join(" ", command));
    if (!outcome.succeeded()) {
      throw new IllegalStateException(
          "'"
              + outcome.command()
              + "' exited with "
              + outcome.exitCode()
              + ": "
              + outcome.stderr().strip());
    }
    return outcome;
  }

  private Outcome exec(List<String> command, String display) {
    Instant start = clock.instant();
    try {
      ExecResult result = container.execInContainer(command.toArray(String[]::new));
      return new Outcome(
          display,
          result.getExitCode(),
          result.getStdout(),
          result.getStderr(),
          Duration.between(start, clock.instant()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot exec '" + display + "': " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running '" + display + "'", e);
    }
  }

  /** What one ctr command did: its exit code and output exactly as printed. */
  public record Outcome(String command, int exitCode, String stdout, String stderr, Duration took) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }
}
