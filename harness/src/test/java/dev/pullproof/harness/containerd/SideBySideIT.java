package dev.pullproof.harness.containerd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.testing.Needs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every version at once on the host network, each with its own socket and content store. */
@Needs(docker = true)
class SideBySideIT {

  @Test
  void allVersionsRunTogetherAndPullTheSameImageIndependently() {
    try (FakeRegistry registry = FakeRegistry.builder().start()) {
      String image = LoopbackRegistries.publishSmallImage(registry, "shared/app", "1.0");
      List<ContainerdContainer> all =
          ContainerdVersion.families().stream()
              .map(f -> LoopbackRegistries.plainHttp(ContainerdContainer.of(f), registry))
              .toList();
      try {
        all.parallelStream().forEach(ContainerdContainer::start);

        all.parallelStream().forEach(c -> c.cri().pullImage(image));

        assertThat(all).allSatisfy(c -> assertThat(c.cri().imageStatus(image)).isPresent());
        assertThat(all.stream().map(ContainerdContainer::socketPath).distinct()).hasSize(3);
        registry.journal().assertRequested("HEAD /v2/shared/app/manifests/1.0 -> 200", 3);
      } finally {
        all.forEach(ContainerdContainer::stop);
      }
    }
  }
}
