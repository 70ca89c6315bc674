package dev.pullproof.harness.validate;

import static dev.pullproof.harness.version.ContainerdVersion.V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.rules.HostDirMatchRule;
import dev.pullproof.harness.validate.rules.HostsDirUnusedRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which host directories the images look up, and whether config_path points at them at all. */
class HostDirRulesTest {
  private static final String HOSTS =
      "server = \"http://registry.corp.example:5000\"\n[host.\"http://registry.corp.example:5000\"]\n";
  private static final List<String> CORP = List.of("registry.corp.example:5000/team/app:1.0");

  @TempDir Path dir;

  @Test
  void aDirectoryNamedWithoutThePortIsNotUsedAndTheHintNamesIt() {
    TestNode node = new TestNode(dir).hosts("registry.corp.example", HOSTS);

    List<Finding> findings = node.check(HostDirMatchRule.ID, CORP, TestNode.ALL);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.file()).isEqualTo(node.certs().resolve("registry.corp.example"));
              assertThat(f.message()).contains("name it registry.corp.example:5000");
            });
  }

  @Test
  void aDirectoryNamedAfterTheSchemeGetsAHint() {
    TestNode node = new TestNode(dir).hosts("https:/registry.corp.example:5000", HOSTS);

    assertThat(node.check(HostDirMatchRule.ID, CORP, TestNode.ALL))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("URL scheme"));
  }

  @Test
  void dockerHubImagesUseDockerIoNotTheRegistryHost() {
    TestNode node =
        new TestNode(dir)
            .hosts(
                "registry-1.docker.io",
                "server = \"https://registry-1.docker.io\"\n[host.\"https://m\"]\n");

    assertThat(node.check(HostDirMatchRule.ID, List.of("nginx"), TestNode.ALL))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("name it docker.io"));
  }

  @Test
  void matchingDirectoriesAreFine() {
    TestNode node =
        new TestNode(dir)
            .hosts("registry.corp.example:5000", HOSTS)
            .hosts("docker.io", "server = \"https://registry-1.docker.io\"\n[host.\"https://m\"]\n")
            .hosts("other.example_8443_", "[host.\"https://other.example:8443\"]\n");

    assertThat(
            node.check(
                HostDirMatchRule.ID,
                List.of(
                    "registry.corp.example:5000/a:1", "library/nginx:1", "other.example:8443/x"),
                TestNode.ALL))
        .isEmpty();
    assertThat(node.check(HostDirMatchRule.MISSING, List.of("nginx"), TestNode.ALL)).isEmpty();
    assertThat(
            new TestNode(dir.resolve("d"))
                .hosts("_default", HOSTS)
                .check(HostDirMatchRule.ID, CORP, TestNode.ALL))
        .isEmpty();
  }

  @Test
  void aRegistryWithoutDirectoryUsesDefaults() {
    TestNode node = new TestNode(dir).hosts("docker.io", "[host.\"https://m\"]\n");

    assertThat(node.check(HostDirMatchRule.MISSING, CORP, TestNode.ALL))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.INFO);
              assertThat(f.message()).contains("https://registry.corp.example:5000");
            });
  }

  @Test
  void hostsFilesAreUnusedWithoutAConfigPathTheVersionReads() {
    TestNode node =
        new TestNode(dir)
            .config(
                "version = 3\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\nconfig_path = \"/x\"\n")
            .hosts("docker.io", "[host.\"https://m\"]\n");

    assertThat(node.check(HostsDirUnusedRule.ID, List.of(), List.of(V2)))
        .singleElement()
        .satisfies(f -> assertThat(f.file()).isEqualTo(node.certs()));
  }

  @Test
  void hostsFilesAreUsedWithConfigPath() {
    TestNode node =
        new TestNode(dir)
            .config(
                "version = 3\n[plugins.\"io.containerd.cri.v1.images\".registry]\nconfig_path = \"/x\"\n")
            .hosts("docker.io", "[host.\"https://m\"]\n");

    assertThat(node.check(HostsDirUnusedRule.ID, List.of(), List.of(V2))).isEmpty();
  }
}
