package dev.pullproof.harness.containerd;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import java.time.Instant;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Ready when containerd logged "containerd successfully booted"; failed at once when its process
 * exits first (a config.toml it cannot parse makes it exit within milliseconds), rather than after
 * the whole start-up timeout a log-message wait would spend.
 */
final class BootedOrExited extends AbstractWaitStrategy {
  static final String BOOTED = "containerd successfully booted";
  private static final Duration POLL = Duration.ofMillis(20);

  private final ContainerdLog log;

  BootedOrExited(ContainerdLog log, Duration timeout) {
    this.log = log;
    withStartupTimeout(timeout);
  }

  @Override
  protected void waitUntilReady() {
    Instant deadline = Instant.now().plus(startupTimeout);
    while (Instant.now().isBefore(deadline)) {
      if (!log.matching(BOOTED).isEmpty()) {
        return;
      }
      InspectContainerResponse.ContainerState state =
          waitStrategyTarget
              .getDockerClient()
              .inspectContainerCmd(waitStrategyTarget.getContainerId())
              .exec()
              .getState();
      if (!Boolean.TRUE.equals(state.getRunning()) && log.matching(BOOTED).isEmpty()) {
        throw new ContainerLaunchException(
            "containerd exited with code " + state.getExitCodeLong() + " before it booted");
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ContainerLaunchException("interrupted while waiting for containerd to boot", e);
      }
    }
    throw new ContainerLaunchException(
        "containerd did not log '" + BOOTED + "' within " + startupTimeout.toSeconds() + " s");
  }
}
