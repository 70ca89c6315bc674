package dev.pullproof.harness.containerd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.testing.Needs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A config.toml the CRI plugin refuses: containerd still boots, CRI is reported as not loaded. */
@Needs(docker = true)
class CriPluginFailureIT {

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void configPathTogetherWithMirrorsLeavesCriUnloadedWithContainerdsReason(
      ContainerdVersion family) {
    String plugin = family.imagePlugin().id();
    String config =
        family.registryConfigToml("/etc/containerd/certs.d")
            + "\n[plugins.\""
            + plugin
            + "\".registry.mirrors.\"docker.io\"]\n  endpoint = [\"https://mirror.invalid\"]\n";
    try (ContainerdContainer containerd = ContainerdContainer.of(family).withConfigToml(config)) {
      containerd.start();

      CriPluginState cri = containerd.criPlugin();
      System.out.printf("containerd %s: %s%n", family, cri.describe());
      cri.reasons().forEach(r -> System.out.printf("  %s%n", r));
      assertThat(cri.loaded()).isFalse();
      assertThat(cri.error()).startsWith("rpc error: code = Unimplemented");
      assertThat(cri.reasons()).anySatisfy(r -> assertThat(r).contains("config_path"));
    }
  }
}
