package dev.pullproof.harness.cli;

import dev.pullproof.harness.version.ContainerdVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Makes a Docker engine answer and the containerd releases present before a live run, with the
 * clone's own scripts ({@code ci/docker-engine}, {@code ci/containerd-images}, {@code
 * ci/node-tools}: the static busybox scenarios' node programs run on). All are idempotent and fast
 * when everything is there, so every live run calls them, each for what the run needs: the Debian
 * families of its versions only, busybox only when a scenario places programs on the node; {@code
 * list}, {@code --help} and {@code validate --static-only} never do.
 */
final class EnginePreparation implements Harness.NodePreparation {
  static final String ENGINE = "ci/docker-engine";
  static final String IMAGES = "ci/containerd-images";
  static final String NODE_TOOLS = "ci/node-tools";

  private final Path home;

  EnginePreparation(Path home) {
    this.home = home;
  }

  @Override
  public void prepare(Collection<ContainerdVersion> versions, boolean nodePrograms) {
    for (List<String> script : scripts(versions, nodePrograms)) {
      run(script);
    }
  }

  /** The script calls for {@code versions}, each as its argument list (script first). */
  static List<List<String>> scripts(Collection<ContainerdVersion> versions, boolean nodePrograms) {
    List<List<String>> calls = new ArrayList<>();
    calls.add(List.of(ENGINE));
    List<String> images = new ArrayList<>(List.of(IMAGES));
    // An exact release or the user's binaries run with family 2's C library (ReleasePreparation).
    versions.stream()
        .map(v -> v.isFamily() ? v : ContainerdVersion.V2)
        .distinct()
        .sorted()
        .forEach(v -> images.add(v.label()));
    if (images.size() > 1) {
      calls.add(List.copyOf(images));
    }
    if (nodePrograms) {
      calls.add(List.of(NODE_TOOLS));
    }
    return calls;
  }

  private void run(List<String> call) {
    String script = call.get(0);
    List<String> command = new ArrayList<>(call);
    command.set(0, home.resolve(script).toString());
    int exit;
    try {
      // The scripts report on stderr, as they did when the launcher ran them.
      exit = new ProcessBuilder(command).inheritIO().start().waitFor();
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
