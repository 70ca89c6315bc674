package dev.pullproof.harness.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.rules.TomlSyntaxRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TomlSyntaxRuleTest {
  @TempDir Path dir;

  @Test
  void aConfigThatDoesNotParseIsAnErrorAtItsLine() {
    TestNode node =
        new TestNode(dir)
            .config("version = 2\n\n[plugins.\"io.containerd.grpc.v1.cri\".registry\nx = 1\n");

    List<Finding> findings = node.check(TomlSyntaxRule.ID);

    assertThat(findings).isNotEmpty();
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).file()).isEqualTo(node.config());
    assertThat(findings.get(0).line()).isEqualTo(3);
    assertThat(findings.get(0).message()).contains("refuses to start");
  }

  @Test
  void aHostsTomlThatDoesNotParseIsIgnoredByContainerd() {
    TestNode node =
        new TestNode(dir)
            .hosts(
                "registry.corp.example:5000",
                "server = \"http://registry.corp.example:5000\"\n"
                    + "[host.\"http://registry.corp.example:5000\"\n"
                    + "  capabilities = [\"pull\", \"resolve\"]\n");

    List<Finding> findings = node.check(TomlSyntaxRule.ID);

    assertThat(findings).isNotEmpty();
    assertThat(findings.get(0).file()).isEqualTo(node.hostsFile("registry.corp.example:5000"));
    assertThat(findings.get(0).line()).isEqualTo(2);
    assertThat(findings.get(0).message()).contains("ignores the whole file");
  }

  @Test
  void validFilesHaveNoSyntaxFinding() {
    TestNode node =
        new TestNode(dir)
            .config("version = 2\n")
            .hosts(
                "docker.io", "server = \"https://registry-1.docker.io\"\n[host.\"https://m\"]\n");

    assertThat(node.check(TomlSyntaxRule.ID)).isEmpty();
  }
}
