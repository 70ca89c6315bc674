package dev.pullproof.harness.containerd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.cri.RuntimeCondition;
import dev.pullproof.harness.cri.RuntimeStatus;
import dev.pullproof.harness.cri.RuntimeVersion;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.testing.Needs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Needs(docker = true)
class ContainerdStartsIT {

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void criAnswersVersionAndStatusOfThePreparedRelease(ContainerdVersion family) {
    try (ContainerdContainer containerd = ContainerdContainer.of(family)) {
      containerd.start();

      CriPluginState cri = containerd.criPlugin();
      System.out.printf(
          "containerd %s (%s): ready in %d ms; %s%n",
          family,
          containerd.release().containerdVersion(),
          containerd.startToReady().toMillis(),
          cri.describe());
      assertThat(cri.loaded()).as(cri.describe()).isTrue();
      RuntimeVersion version = cri.version().orElseThrow();
      assertThat(version.runtimeName()).isEqualTo("containerd");
      // Debian's builds report "1.6.20~ds1", "1.7.24~ds1" and "2.1.9+unknown".
      assertThat(version.runtimeVersion()).startsWith(containerd.release().upstreamVersion());
      assertThat(version.runtimeApiVersion()).isEqualTo("v1");
      assertThat(cri.status().orElseThrow().condition(RuntimeStatus.RUNTIME_READY))
          .map(RuntimeCondition::status)
          .hasValue(true);
    }
  }
}
