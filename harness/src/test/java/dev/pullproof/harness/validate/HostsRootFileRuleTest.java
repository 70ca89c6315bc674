package dev.pullproof.harness.validate;

import static dev.pullproof.harness.version.ContainerdVersion.V1_6;
import static dev.pullproof.harness.version.ContainerdVersion.V1_7;
import static dev.pullproof.harness.version.ContainerdVersion.V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.rules.HostsRootFileRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostsRootFileRuleTest {
  private static final String CONFIG =
      "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
          + "config_path = \"/etc/containerd/certs.d\"\n";

  @TempDir Path dir;

  @Test
  void aHostsFileAtTheRootOfTheHostsDirectoryIsNeverReadOnAnyVersion() {
    TestNode node =
        new TestNode(dir)
            .config(CONFIG)
            .certsFile("hosts.toml", "server = \"https://mirror.corp.example\"\n");

    List<Finding> findings = node.check(HostsRootFileRule.ID);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.file()).isEqualTo(node.certs().resolve("hosts.toml"));
              assertThat(f.versions()).containsExactly(V1_6, V1_7, V2);
              assertThat(f.message()).contains("never read");
            });
  }

  @Test
  void hostsFilesInHostDirectoriesAreNotFlagged() {
    TestNode node =
        new TestNode(dir)
            .config(CONFIG)
            .hosts("docker.io", "server = \"https://registry-1.docker.io\"\n");

    assertThat(node.check(HostsRootFileRule.ID)).isEmpty();
  }
}
