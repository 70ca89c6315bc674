package dev.pullproof.harness.validate;

import static dev.pullproof.harness.version.ContainerdVersion.V1_6;
import static dev.pullproof.harness.version.ContainerdVersion.V1_7;
import static dev.pullproof.harness.version.ContainerdVersion.V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.rules.PluginSectionRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginSectionRuleTest {
  @TempDir Path dir;

  @Test
  void aVersion3FileKeepingTheOldCriNameLosesItsRegistryOn2x() {
    List<Finding> findings =
        new TestNode(dir)
            .config(
                "version = 3\n\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                    + "  config_path = \"/etc/containerd/hosts\"\n")
            .check(PluginSectionRule.ID, List.of(), List.of(V2));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.line()).isEqualTo(3);
              assertThat(f.key()).isEqualTo("plugins.\"io.containerd.grpc.v1.cri\".registry");
              assertThat(f.message()).contains("Ignoring unknown key in TOML for plugin");
              assertThat(f.fix()).contains("io.containerd.cri.v1.images");
            });
  }

  @Test
  void theCriSectionOfAFileWithoutVersionIsIgnoredBy1x() {
    List<Finding> findings =
        new TestNode(dir)
            .config("[plugins.\"io.containerd.grpc.v1.cri\".registry]\nconfig_path = \"/x\"\n")
            .check(PluginSectionRule.ID);

    assertThat(findings)
        .extracting(Finding::versions)
        .containsExactly(List.of(V1_6, V1_7), List.of(V2));
    assertThat(findings.get(0).message()).contains("version 1");
  }

  @Test
  void aShortPluginIdInAVersion2FileStopsContainerd1x() {
    List<Finding> findings =
        new TestNode(dir)
            .config("version = 2\n[plugins.cri.registry]\nconfig_path = \"/x\"\n")
            .check(PluginSectionRule.ID, List.of(), List.of(V1_6, V1_7));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.message()).contains("refuse to start");
            });
  }

  @Test
  void the2xImagesPluginDoesNotExistIn1x() {
    List<Finding> findings =
        new TestNode(dir)
            .config(
                "version = 2\n[plugins.\"io.containerd.cri.v1.images\".registry]\nconfig_path = \"/x\"\n")
            .check(PluginSectionRule.ID, List.of(), List.of(V1_7));

    assertThat(findings)
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("only in 2.x"));
  }

  @Test
  void eachVersionReadingItsOwnLayoutHasNoFinding() {
    assertThat(
            new TestNode(dir)
                .config(
                    "version = 3\n[plugins.\"io.containerd.cri.v1.images\".registry]\nconfig_path = \"/x\"\n"
                        + "[plugins.\"io.containerd.grpc.v1.cri\"]\nstream_server_port = \"0\"\n")
                .check(PluginSectionRule.ID, List.of(), List.of(V2)))
        .isEmpty();
    assertThat(
            new TestNode(dir)
                .config(
                    "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\nconfig_path = \"/x\"\n")
                .check(PluginSectionRule.ID))
        .isEmpty();
  }
}
