package dev.pullproof.harness.validate;

import static dev.pullproof.harness.version.ContainerdVersion.V1_6;
import static dev.pullproof.harness.version.ContainerdVersion.V1_7;
import static dev.pullproof.harness.version.ContainerdVersion.V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.validate.rules.ConfigUnknownKeyRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigUnknownKeyRuleTest {
  @TempDir Path dir;

  @Test
  void aMisspeltRegistryKeyIsFoundWithItsLineAndASuggestion() {
    List<Finding> findings =
        new TestNode(dir)
            .config(
                "version = 2\n\n"
                    + "[plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                    + "  config_paht = \"/etc/containerd/certs.d\"\n")
            .check(ConfigUnknownKeyRule.ID);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.line()).isEqualTo(4);
              assertThat(f.key())
                  .isEqualTo("plugins.\"io.containerd.grpc.v1.cri\".registry.config_paht");
              assertThat(f.versions()).containsExactly(V1_6, V1_7, V2);
              assertThat(f.message()).contains("Did you mean 'config_path'?");
              assertThat(f.message()).contains("1.x ignores it silently");
            });
  }

  @Test
  void aTopLevelTypoIsFound() {
    List<Finding> findings =
        new TestNode(dir)
            .config("version = 2\n[debgu]\nlevel = \"debug\"\n")
            .check(ConfigUnknownKeyRule.ID);

    assertThat(findings).singleElement().satisfies(f -> assertThat(f.fix()).contains("'debug'"));
  }

  @Test
  void aKeyOnlyNewerVersionsKnowIsUnknownToTheOlderOnly() {
    List<Finding> findings =
        new TestNode(dir)
            .config(
                "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\"]\n"
                    + "  image_pull_progress_timeout = \"5m\"\n")
            .check(ConfigUnknownKeyRule.ID);

    assertThat(findings)
        .singleElement()
        .satisfies(f -> assertThat(f.versions()).containsExactly(V1_6));
  }

  @Test
  void aVersion3FileIsCheckedAgainstThe2xPlugins() {
    TestNode node =
        new TestNode(dir)
            .config(
                "version = 3\n[plugins.\"io.containerd.cri.v1.images\"]\n"
                    + "  use_local_image_pull = true\n"
                    + "[plugins.\"io.containerd.cri.v1.images\".registry]\n"
                    + "  config_path = \"/etc/containerd/certs.d\"\n"
                    + "[plugins.\"io.containerd.cri.v1.images\".pinned_images]\n"
                    + "  sandbox = \"registry.k8s.io/pause:3.10\"\n");

    assertThat(node.check(ConfigUnknownKeyRule.ID, List.of(), List.of(V2))).isEmpty();
  }

  @Test
  void aCleanVersion2FileHasNoUnknownKeys() {
    TestNode node =
        new TestNode(dir)
            .config(
                "version = 2\nroot = \"/var/lib/containerd\"\n"
                    + "[plugins.\"io.containerd.grpc.v1.cri\"]\n"
                    + "  sandbox_image = \"registry.k8s.io/pause:3.9\"\n"
                    + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n"
                    + "  runtime_type = \"io.containerd.runc.v2\"\n"
                    + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n"
                    + "  SystemdCgroup = true\n"
                    + "[plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                    + "  config_path = \"/etc/containerd/certs.d\"\n");

    assertThat(node.check(ConfigUnknownKeyRule.ID)).isEmpty();
  }
}
