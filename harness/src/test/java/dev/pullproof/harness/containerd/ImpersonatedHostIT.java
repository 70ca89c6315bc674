package dev.pullproof.harness.containerd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.testing.Needs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An extra hosts entry lets a registry on its own loopback address answer for a real name. */
@Needs(docker = true)
class ImpersonatedHostIT {
  private static final String NAME = "registry.pullproof.test";

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void criPullsFromANameThatResolvesToALoopbackRegistry(ContainerdVersion family) {
    try (FakeRegistry registry = FakeRegistry.builder().host("127.0.0.7").start();
        ContainerdContainer containerd = ContainerdContainer.of(family)) {
      LoopbackRegistries.publishSmallImage(registry, "team/app", "1.0");
      String host = NAME + ":" + registry.port();
      containerd
          .withExtraHost(NAME, "127.0.0.7")
          .withConfigToml(family.registryConfigToml(LoopbackRegistries.CERTS_D))
          .withEtcFile(
              "certs.d/" + host + "/hosts.toml",
              "server = \"http://"
                  + host
                  + "\"\n\n[host.\"http://"
                  + host
                  + "\"]\n"
                  + "  capabilities = [\"pull\", \"resolve\"]\n")
          .start();

      containerd.cri().pullImage(host + "/team/app:1.0");

      assertThat(
              registry.journal().assertRequested("HEAD /v2/team/app/manifests/1.0 -> 200").host())
          .isEqualTo(host);
    }
  }
}
