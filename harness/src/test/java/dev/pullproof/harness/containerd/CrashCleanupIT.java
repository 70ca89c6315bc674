package dev.pullproof.harness.containerd;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.registry.temp.OwnedTemp;
import dev.pullproof.testing.Needs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * A {@code pullproof run} killed with SIGKILL mid-scenario (no shutdown hook, no finally) leaves
 * its containerd container and its temporary files (containerd's socket directory, the world's blob
 * stores, the kubelet credential provider's directory); the next run removes them before it starts.
 * The killed run is a child JVM running the CLI on a scenario whose blob GETs hang for minutes; the
 * "next run" is a containerd container started here, whose start sweeps.
 */
@Needs(docker = true)
class CrashCleanupIT {
  private static final Duration UP_WITHIN = Duration.ofSeconds(120);
  private final DockerClient docker = DockerClientFactory.instance().client();

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void aKilledRunsContainersAndTemporaryFilesAreSweptByTheNextRun(@TempDir Path dir)
      throws Exception {
    Path scenario = slowScenario(dir);
    Process run = startRun(scenario, dir);
    long pid = run.pid();
    try {
      waitUntilMidScenario(run, pid, dir.resolve("run.log"));
      run.destroyForcibly(); // SIGKILL on Linux
      assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("the killed run ended").isTrue();

      // The container was seen running; it is not asserted here after the kill, because any
      // other run on the shared engine may sweep it first (it is stale from this moment).
      assertThat(names(OwnedTemp.ownedBy(OwnedTemp.root(), pid)))
          .as("temporary files the killed run left")
          .anyMatch(n -> n.startsWith("pullproof-containerd-"))
          .anyMatch(n -> n.startsWith("pullproof-blobs-"))
          .anyMatch(n -> n.startsWith("pullproof-kubelet-"));

      try (ContainerdContainer next = ContainerdContainer.of(ContainerdVersion.V1_7)) {
        next.start();
      }

      assertThat(containersOf(pid)).as("containers left after the next run's sweep").isEmpty();
      assertThat(OwnedTemp.ownedBy(OwnedTemp.root(), pid))
          .as("temporary files left after the next run's sweep")
          .isEmpty();
    } finally {
      run.destroyForcibly();
      new StaleContainerSweep(docker).sweep();
      OwnedTemp.sweep(OwnedTemp.root());
    }
  }

  /** A scenario whose every blob GET waits 5 minutes: the run sits mid-pull until killed. */
  private static Path slowScenario(Path dir) throws IOException {
    Path files = Files.createDirectories(dir.resolve("files"));
    Files.copy(
        Path.of(System.getProperty("pullproof.scenarios", "../scenarios"))
            .resolve("slice/files/config-v2.toml"),
        files.resolve("config-v2.toml"));
    Path scenario = dir.resolve("slow.toml");
    Files.writeString(
        scenario,
        """
        name = "crash-cleanup-slow"
        versions = ["1.7"]
        timeout = "5m"

        [registries.hub]
        images = ["library/app:1.0"]

        [[registries.hub.faults]]
        route = "blob"
        fault = { delay = "5m" }

        [containerd.files]
        "config.toml" = { file = "files/config-v2.toml" }
        "certs.d/{{hub.address}}/hosts.toml" = \"""
        server = "{{hub.url}}"
        \"""

        [[pull]]
        image = "{{hub.address}}/library/app:1.0"
        """);
    return scenario;
  }

  private static Process startRun(Path scenario, Path dir) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dpullproof.cache=" + System.getProperty("pullproof.cache", "../.cache"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.pullproof.harness.cli.PullproofCli");
    command.addAll(
        List.of(
            "run",
            scenario.toString(),
            "--containerd",
            "1.7",
            "--report",
            dir.resolve("report").toString()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("run.log").toFile())
        .start();
  }

  /** Until the run's containerd container runs and its world's files exist. */
  private void waitUntilMidScenario(Process run, long pid, Path log) throws Exception {
    Instant deadline = Instant.now().plus(UP_WITHIN);
    while (true) {
      boolean containerUp =
          containersOf(pid).stream().anyMatch(c -> "running".equals(c.getState()));
      List<String> temp = names(OwnedTemp.ownedBy(OwnedTemp.root(), pid));
      if (containerUp
          && temp.stream().anyMatch(n -> n.startsWith("pullproof-containerd-"))
          && temp.stream().anyMatch(n -> n.startsWith("pullproof-blobs-"))) {
        // Let containerd start its pull, which then waits on the delayed blobs.
        Thread.sleep(1000);
        return;
      }
      if (!run.isAlive()) {
        throw new AssertionError(
            "the run ended before it was killed (exit "
                + run.exitValue()
                + "): "
                + Files.readString(log));
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "the run's containerd container was not up within "
                + UP_WITHIN
                + ": "
                + Files.readString(log));
      }
      Thread.sleep(200);
    }
  }

  private List<Container> containersOf(long pid) {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(List.of(RunLabels.PID + "=" + pid))
        .exec();
  }

  private static List<String> names(List<Path> paths) {
    return paths.stream().map(p -> p.getFileName().toString()).toList();
  }
}
