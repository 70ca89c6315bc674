package dev.pullproof.harness.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.toml.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples under examples/ at the repository root, checked for 1.6, 1.7 and 2.x: every finding
 * as "SEVERITY rule [versions] file:line". See each example's README.md.
 */
class ExamplesTest {
  private static List<String> lines(String example) {
    Path root = Examples.root().resolve(example);
    return Examples.check(example).stream()
        .map(
            f ->
                f.severity()
                    + " "
                    + f.rule()
                    + " "
                    + f.versions()
                    + " "
                    + root.relativize(f.file())
                    + ":"
                    + f.line())
        .toList();
  }

  @Test
  void theWriteUpsFilesAreIgnoredOrBrokenOnEveryVersion() {
    assertThat(lines("writeup"))
        .containsExactly(
            "ERROR config-plugin-ignored [1.6, 1.7] config.toml:5",
            "ERROR config-plugin-ignored [2] config.toml:5",
            "WARNING hosts-dir-unused [1.6, 1.7, 2] certs.d:0",
            "WARNING hosts-static-authorization [1.6, 1.7] certs.d/docker.io/hosts.toml:8",
            "WARNING hosts-dir-unmatched [1.6, 1.7, 2] certs.d/registry-1.docker.io:0",
            "WARNING hosts-dir-unmatched [1.6, 1.7, 2] certs.d/your-mirror-registry.com:0",
            "WARNING hosts-unknown-key [1.6, 1.7, 2] certs.d/your-mirror-registry.com/hosts.toml:5",
            "WARNING hosts-override-path [1.6, 1.7, 2] certs.d/your-mirror-registry.com/hosts.toml:7",
            "WARNING hosts-unknown-key [1.6, 1.7, 2] certs.d/your-registry.com/hosts.toml:6",
            "WARNING config-version [1.6, 1.7] config.toml:0",
            "WARNING config-path-with-mirrors [1.6, 1.7, 2] config.toml:8",
            "INFO hosts-static-authorization [2] certs.d/docker.io/hosts.toml:8",
            "INFO config-version [2] config.toml:0",
            "INFO pull-path [2] config.toml:0");
  }

  @Test
  void theWriteUpsConfigWithAVersionLineStopsTheCriPlugin(@TempDir Path dir) throws Exception {
    Path example = Examples.root().resolve("writeup");
    Path config = dir.resolve("config.toml");
    Files.writeString(config, "version = 2\n" + Files.readString(example.resolve("config.toml")));

    List<Finding> findings =
        new StaticChecks()
            .check(
                new NodeFiles(config, Optional.of(example.resolve("certs.d"))),
                Examples.images(example),
                TestNode.ALL);

    assertThat(findings)
        .filteredOn(f -> f.rule().equals("config-path-with-mirrors"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.versions()).containsExactlyElementsOf(TestNode.ALL);
              assertThat(f.line()).isEqualTo(9);
            });
  }

  @Test
  void theModernExampleIsCleanAndOnlyMigratedOn2x() {
    assertThat(lines("modern"))
        .containsExactly(
            "INFO config-v2-on-2x [2] config.toml:3", "INFO pull-path [2] config.toml:5");
  }

  @Test
  void theBreaksOn2xExampleLosesItsTlsSettingsOn2x() {
    assertThat(lines("breaks-on-2x"))
        .containsExactly(
            "ERROR config-deprecated [2] config.toml:10",
            "WARNING hosts-dir-unused [1.6, 1.7, 2] certs.d:0",
            "WARNING config-deprecated [1.6, 1.7, 2] config.toml:7",
            "WARNING config-deprecated [1.6, 1.7] config.toml:10",
            "WARNING config-deprecated [1.6, 1.7, 2] config.toml:13",
            "INFO hosts-dir-missing [1.6, 1.7, 2] certs.d:0",
            "INFO hosts-cert-file-unchecked [1.6, 1.7, 2] certs.d/registry.corp.example/hosts.toml:6",
            "INFO config-v2-on-2x [2] config.toml:2",
            "INFO pull-path [2] config.toml:7",
            "INFO node-files [1.6, 1.7, 2] config.toml:11");
  }
}
