package dev.pullproof.harness.validate;

import static dev.pullproof.harness.version.ContainerdVersion.V1_6;
import static dev.pullproof.harness.version.ContainerdVersion.V1_7;
import static dev.pullproof.harness.version.ContainerdVersion.V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.rules.ConfigMigrationRule;
import dev.pullproof.harness.validate.rules.ConfigVersionRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigVersionRuleTest {
  @TempDir Path dir;

  @Test
  void noVersionLineIsReadAsVersionOneBy1xAndAsThreeBy2x() {
    List<Finding> findings =
        new TestNode(dir).config("[debug]\nlevel = \"debug\"\n").check(ConfigVersionRule.ID);

    assertThat(findings)
        .extracting(Finding::severity, Finding::versions)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Severity.WARNING, List.of(V1_6, V1_7)),
            org.assertj.core.groups.Tuple.tuple(Severity.INFO, List.of(V2)));
    assertThat(findings.get(0).message()).contains("version 1").contains("plugins.cri");
  }

  @Test
  void version3StopsContainerd17AndIsReadAsVersion2By16() {
    List<Finding> findings =
        new TestNode(dir).config("\nversion = 3\n").check(ConfigVersionRule.ID);

    assertThat(findings).hasSize(2);
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).versions()).containsExactly(V1_7);
    assertThat(findings.get(0).line()).isEqualTo(2);
    assertThat(findings.get(1).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(1).versions()).containsExactly(V1_6);
  }

  @Test
  void aQuotedVersionIsAnError() {
    List<Finding> findings =
        new TestNode(dir).config("version = \"2\"\n").check(ConfigVersionRule.ID);

    assertThat(findings)
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
  }

  @Test
  void version2HasNoVersionFindingButIsMigratedOn2x() {
    TestNode node = new TestNode(dir).config("version = 2\n");

    assertThat(node.check(ConfigVersionRule.ID)).isEmpty();
    assertThat(node.check(ConfigMigrationRule.ID))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.INFO);
              assertThat(f.versions()).containsExactly(V2);
              assertThat(f.fix()).contains("containerd config migrate");
            });
  }

  @Test
  void version3On2xAndVersion2On1xAreNotMigrations() {
    assertThat(new TestNode(dir).config("version = 3\n").check(ConfigMigrationRule.ID)).isEmpty();
    assertThat(
            new TestNode(dir)
                .config("version = 2\n")
                .check(ConfigMigrationRule.ID, List.of(), List.of(V1_7)))
        .isEmpty();
  }
}
