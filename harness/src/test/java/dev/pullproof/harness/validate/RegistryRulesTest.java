package dev.pullproof.harness.validate;

import static dev.pullproof.harness.version.ContainerdVersion.V1_6;
import static dev.pullproof.harness.version.ContainerdVersion.V1_7;
import static dev.pullproof.harness.version.ContainerdVersion.V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.rules.ConfigPathListRule;
import dev.pullproof.harness.validate.rules.ConfigPathMirrorsRule;
import dev.pullproof.harness.validate.rules.ConfigsTlsRule;
import dev.pullproof.harness.validate.rules.DeprecatedSettingRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config.toml registry-section rules: mirrors, configs, auths and config_path. */
class RegistryRulesTest {
  private static final String CRI = "[plugins.\"io.containerd.grpc.v1.cri\".registry";

  @TempDir Path dir;

  @Test
  void configPathWithMirrorsStopsTheCriPluginOnEveryVersion() {
    List<Finding> findings =
        new TestNode(dir)
            .config(
                "version = 2\n"
                    + CRI
                    + "]\nconfig_path = \"/etc/containerd/certs.d\"\n"
                    + CRI
                    + ".mirrors.\"docker.io\"]\nendpoint = [\"https://registry-1.docker.io\"]\n")
            .check(ConfigPathMirrorsRule.ID);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.versions()).containsExactly(V1_6, V1_7, V2);
              assertThat(f.line()).isEqualTo(4);
              assertThat(f.message()).contains("refuses to load the CRI plugin");
            });
  }

  /** config_path = "" next to {@code table} (below the registry section) holding {@code body}. */
  private TestNode emptyConfigPathWith(String table, String body) {
    return new TestNode(dir)
        .config("version = 2\n" + CRI + "]\nconfig_path = \"\"\n" + CRI + table + "]\n" + body);
  }

  @Test
  void anEmptyConfigPathWithMirrorsIsNotSetAndLoadsOnEveryVersion() {
    TestNode node =
        emptyConfigPathWith(".mirrors.\"docker.io\"", "endpoint = [\"https://mirror.example\"]\n");

    assertThat(node.check(ConfigPathMirrorsRule.ID)).isEmpty();
  }

  @Test
  void anEmptyConfigPathWithConfigsTlsIsNotSet() {
    TestNode node =
        emptyConfigPathWith(".configs.\"r.example\".tls", "insecure_skip_verify = true\n");

    assertThat(node.check(ConfigsTlsRule.ID)).isEmpty();
  }

  @Test
  void configPathWithMirrorsInASectionNobodyReadsIsLatent() {
    List<Finding> findings =
        new TestNode(dir)
            .config(
                CRI
                    + "]\nconfig_path = \"/x\"\n"
                    + CRI
                    + ".mirrors.\"docker.io\"]\nendpoint = [\"https://m\"]\n")
            .check(ConfigPathMirrorsRule.ID);

    assertThat(findings)
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void configPathAloneOrMirrorsAloneDoNotConflict() {
    assertThat(
            new TestNode(dir)
                .config("version = 2\n" + CRI + "]\nconfig_path = \"/x\"\n")
                .check(ConfigPathMirrorsRule.ID))
        .isEmpty();
    assertThat(
            new TestNode(dir)
                .config(
                    "version = 2\n" + CRI + ".mirrors.\"docker.io\"]\nendpoint = [\"https://m\"]\n")
                .check(ConfigPathMirrorsRule.ID))
        .isEmpty();
  }

  @Test
  void configsTlsWithConfigPathStops1xCriPlugin() {
    String tls = CRI + ".configs.\"reg.example\".tls]\nca_file = \"/etc/ca.crt\"\n";
    List<Finding> findings =
        new TestNode(dir)
            .config("version = 2\n" + CRI + "]\nconfig_path = \"/x\"\n" + tls)
            .check(ConfigsTlsRule.ID);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.versions()).containsExactly(V1_6, V1_7);
              assertThat(f.line()).isEqualTo(4);
            });
    assertThat(new TestNode(dir).config("version = 2\n" + tls).check(ConfigsTlsRule.ID)).isEmpty();
  }

  @Test
  void deprecatedRegistrySettingsAreNamedWithTheirVersions() {
    List<Finding> findings =
        new TestNode(dir)
            .config(
                "version = 2\n"
                    + CRI
                    + ".mirrors.\"docker.io\"]\nendpoint = [\"https://m\"]\n"
                    + CRI
                    + ".auths.\"https://reg.example\"]\nusername = \"u\"\n"
                    + CRI
                    + ".configs.\"reg.example\".tls]\nca_file = \"/etc/ca.crt\"\n")
            .check(DeprecatedSettingRule.ID);

    assertThat(findings).extracting(Finding::line).contains(2, 4, 6);
    assertThat(findings)
        .filteredOn(f -> f.line() == 6 && f.severity() == Severity.ERROR)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.versions()).containsExactly(V2);
              assertThat(f.message()).contains("removed in containerd 2.0");
            });
    assertThat(findings)
        .filteredOn(f -> f.line() == 2)
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("1.5").contains("2.3"));
  }

  @Test
  void configPathAloneIsNotDeprecated() {
    assertThat(
            new TestNode(dir)
                .config("version = 2\n" + CRI + "]\nconfig_path = \"/x\"\n")
                .check(DeprecatedSettingRule.ID))
        .isEmpty();
  }

  @Test
  void aColonSeparatedConfigPathIsNotReadBy2xTransferPull() {
    TestNode node =
        new TestNode(dir)
            .config(
                "version = 3\n[plugins.\"io.containerd.cri.v1.images\".registry]\n"
                    + "  config_path = \"/etc/containerd/empty:/etc/containerd/hosts\"\n");

    assertThat(node.check(ConfigPathListRule.ID, List.of(), List.of(V2)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.line()).isEqualTo(3);
            });
  }

  @Test
  void aColonSeparatedConfigPathIsSplitBy1xAndByTheLocalPull() {
    TestNode v2 = new TestNode(dir).config("version = 2\n" + CRI + "]\nconfig_path = \"/a:/b\"\n");
    assertThat(v2.check(ConfigPathListRule.ID, List.of(), List.of(V1_7)))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));

    TestNode local =
        new TestNode(dir)
            .config(
                "version = 3\n[plugins.\"io.containerd.cri.v1.images\"]\nuse_local_image_pull = true\n"
                    + "[plugins.\"io.containerd.cri.v1.images\".registry]\nconfig_path = \"/a:/b\"\n");
    assertThat(local.check(ConfigPathListRule.ID, List.of(), List.of(V2)))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
  }

  @Test
  void oneDirectoryIsNotAList() {
    assertThat(
            new TestNode(dir)
                .config("version = 2\n" + CRI + "]\nconfig_path = \"/x\"\n")
                .check(ConfigPathListRule.ID))
        .isEmpty();
  }
}
