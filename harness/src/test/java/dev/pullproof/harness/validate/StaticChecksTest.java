package dev.pullproof.harness.validate;

import static dev.pullproof.harness.version.ContainerdVersion.V1_7;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.harness.toml.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticChecksTest {
  @TempDir Path dir;

  private TestNode messy() {
    return new TestNode(dir)
        .config(
            "[plugins.\"io.containerd.grpc.v1.cri\".registry]\nconfig_path = \"/etc/containerd/certs.d\"\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"docker.io\"]\n"
                + "endpoint = [\"https://registry-1.docker.io\"]\n")
        .hosts(
            "docker.io", "server = \"https://m\"\nskip_verify = true\ncredential_helper = \"x\"\n")
        .hosts("registry.corp.example", "[host.\"http://registry.corp.example\"]\n");
  }

  @Test
  void findingsAreSortedBySeverityThenFileThenLine() {
    List<Finding> findings =
        messy().check(List.of("nginx", "registry.corp.example:5000/a:1"), TestNode.ALL);

    assertThat(findings).hasSizeGreaterThan(5);
    assertThat(findings)
        .isSortedAccordingTo(
            Comparator.comparing(Finding::severity)
                .thenComparing(f -> f.file().toString())
                .thenComparingInt(Finding::line));
  }

  @Test
  void findingsNameOnlyTheTargetsAskedFor() {
    List<Finding> findings = messy().check(List.of("nginx"), List.of(V1_7));

    assertThat(findings)
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.versions()).containsExactly(V1_7));
  }

  @Test
  void theUsersFilesAreNotModified() throws Exception {
    TestNode node = messy();
    String config = Files.readString(node.config());
    String hosts = Files.readString(node.hostsFile("docker.io"));
    long modified = Files.getLastModifiedTime(node.config()).toMillis();

    node.check(List.of("nginx"), TestNode.ALL);

    assertThat(Files.readString(node.config())).isEqualTo(config);
    assertThat(Files.readString(node.hostsFile("docker.io"))).isEqualTo(hosts);
    assertThat(Files.getLastModifiedTime(node.config()).toMillis()).isEqualTo(modified);
  }

  @Test
  void aMissingConfigIsAnErrorFindingNotACrash() {
    List<Finding> findings =
        new StaticChecks()
            .check(
                new NodeFiles(dir.resolve("nope.toml"), Optional.empty()), List.of(), TestNode.ALL);

    assertThat(findings)
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("cannot be read"));
  }

  @Test
  void badArgumentsSayWhatIsWrong() {
    NodeFiles files = new NodeFiles(dir.resolve("config.toml"), Optional.empty());
    assertThatThrownBy(() -> new StaticChecks().check(files, List.of("https://x/y"), TestNode.ALL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an image reference");
    assertThatThrownBy(() -> new StaticChecks().check(files, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("targets");
    NodeFiles noHosts = new NodeFiles(dir.resolve("config.toml"), Optional.of(dir.resolve("nope")));
    assertThatThrownBy(() -> new StaticChecks().check(noHosts, List.of(), TestNode.ALL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a directory");
  }

  @Test
  void aFamilyThatRefusesTheFileIsReportedOnceNotByEveryRule() {
    TestNode node =
        new TestNode(dir)
            .config(
                "version = 3\n[plugins.\"io.containerd.cri.v1.images\".registry]\n"
                    + "config_path = \"/etc/containerd/certs.d\"\n")
            .hosts("docker.io", "[host.\"https://m\"]\n");

    List<Finding> findings = node.check(List.of("nginx"), List.of(V1_7));

    assertThat(findings)
        .filteredOn(f -> f.severity() != Severity.INFO)
        .extracting(Finding::rule)
        .containsExactly("config-version");
  }
}
