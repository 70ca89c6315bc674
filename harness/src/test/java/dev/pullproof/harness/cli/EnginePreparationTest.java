package dev.pullproof.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.version.ContainerdVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnginePreparationTest {
  @Test
  void aRunPreparesOnlyTheFamiliesOfItsVersions() {
    assertThat(EnginePreparation.scripts(List.of(ContainerdVersion.V2), false))
        .containsExactly(List.of("ci/docker-engine"), List.of("ci/containerd-images", "2"));
    assertThat(
            EnginePreparation.scripts(List.of(ContainerdVersion.V2, ContainerdVersion.V1_6), false))
        .containsExactly(List.of("ci/docker-engine"), List.of("ci/containerd-images", "1.6", "2"));
  }

  @Test
  void anExactReleasePreparesTheFamilyWhoseCLibraryItRunsWith() {
    assertThat(EnginePreparation.scripts(List.of(ContainerdVersion.upstream("1.7.29")), false))
        .containsExactly(List.of("ci/docker-engine"), List.of("ci/containerd-images", "2"));
  }

  @Test
  void busyboxIsPreparedOnlyWhenAScenarioPlacesProgramsOnTheNode() {
    assertThat(EnginePreparation.scripts(List.of(ContainerdVersion.V1_7), true))
        .containsExactly(
            List.of("ci/docker-engine"),
            List.of("ci/containerd-images", "1.7"),
            List.of("ci/node-tools"));
  }

  @Test
  void noVersionsMeansOnlyTheEngine() {
    assertThat(EnginePreparation.scripts(List.of(), false))
        .containsExactly(List.of("ci/docker-engine"));
  }
}
