package dev.pullproof.harness.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes a Docker engine answer and the containerd releases present before a live run, with the
 * clone's own scripts ({@code ci/docker-engine}, {@code ci/containerd-images}, {@code
 * ci/node-tools}: the static busybox scenarios' node programs run on). All are idempotent and take
 * well under a second when everything is there, so every live run calls them; {@code list}, {@code
 * --help} and {@code validate --static-only} never do.
 */
final class EnginePreparation implements Runnable {
  static final List<String> SCRIPTS =
      List.of("ci/docker-engine", "ci/containerd-images", "ci/node-tools");

  private final Path home;

  EnginePreparation(Path home) {
    this.home = home;
  }

  @Override
  public void run() {
    for (String script : SCRIPTS) {
      int exit;
      try {
        // The scripts report on stderr, as they did when the launcher ran them.
        exit = new ProcessBuilder(home.resolve(script).toString()).inheritIO().start().waitFor();
      } catch (IOException e) {
        throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while " + script + " ran", e);
      }
      if (exit != 0) {
        throw new IllegalStateException(
            script + " exited " + exit + " (its message is above); no containerd started");
      }
    }
  }
}
