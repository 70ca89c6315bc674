package dev.pullproof.harness.validate;

import static dev.pullproof.harness.version.ContainerdVersion.V1_6;
import static dev.pullproof.harness.version.ContainerdVersion.V1_7;
import static dev.pullproof.harness.version.ContainerdVersion.V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.rules.PluginUnknownRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginUnknownRuleTest {
  @TempDir Path dir;

  @Test
  void registrySettingsUnderAPluginIdNoPluginHasAreIgnoredOnEveryVersionAtThatLine() {
    List<Finding> findings =
        new TestNode(dir)
            .config(
                "version = 2\n\n[plugins.\"io.containerd.internal.v1.cri\".registry]\n"
                    + "  config_path = \"/etc/containerd/certs.d\"\n")
            .check(PluginUnknownRule.ID);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.line()).isEqualTo(3);
              assertThat(f.versions()).containsExactly(V1_6, V1_7, V2);
              assertThat(f.message()).contains("io.containerd.internal.v1.cri", "never used");
            });
  }

  @Test
  void aVersion1FileIsLeftToThePluginSectionRuleOn1x() {
    List<Finding> findings =
        new TestNode(dir)
            .config(
                "[plugins.\"io.containerd.internal.v1.cri\".registry]\n  config_path = \"/x\"\n")
            .check(PluginUnknownRule.ID);

    assertThat(findings)
        .singleElement()
        .satisfies(f -> assertThat(f.versions()).containsExactly(V2));
  }

  @Test
  void theRealCriPluginIdsAreNotFlagged() {
    List<Finding> findings =
        new TestNode(dir)
            .config(
                "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                    + "  config_path = \"/etc/containerd/certs.d\"\n")
            .check(PluginUnknownRule.ID);

    assertThat(findings).isEmpty();
  }
}
