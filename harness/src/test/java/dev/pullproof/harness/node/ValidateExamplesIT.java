package dev.pullproof.harness.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.validate.NodeFiles;
import dev.pullproof.harness.validate.Validation;
import dev.pullproof.harness.validate.live.VersionResult;
import dev.pullproof.harness.validate.live.VersionResult.State;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.testing.Needs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pullproof validate}'s live check on the examples under {@code examples/}, on real
 * containerd 1.7 and 2.x; every expectation is what those versions did with the files.
 */
@Needs(docker = true)
class ValidateExamplesIT {
  private static final Path EXAMPLES = Path.of("../examples");
  private static final List<ContainerdVersion> TARGETS =
      List.of(ContainerdVersion.V1_7, ContainerdVersion.V2);

  @TempDir Path dir;

  private Validation validate(String example) throws Exception {
    Path root = EXAMPLES.resolve(example);
    NodeFiles files =
        new NodeFiles(root.resolve("config.toml"), Optional.of(root.resolve("certs.d")));
    List<String> images =
        Files.readAllLines(root.resolve("images.txt")).stream().filter(l -> !l.isBlank()).toList();
    return LiveValidation.run(files, images, TARGETS, dir);
  }

  /** The version's result, which must have been checked: a node that could not run says why. */
  private static VersionResult on(Validation v, ContainerdVersion family) {
    VersionResult r =
        v.versions().stream().filter(x -> x.family().equals(family)).findFirst().orElseThrow();
    assertThat(r.state()).as(family.label() + ": " + r.reason()).isEqualTo(State.CHECKED);
    return r;
  }

  @Test
  void theModernConfigPullsThroughItsMirrorAndPrivateCaOnBothVersions() throws Exception {
    Validation v = validate("modern");

    assertThat(v.failed()).isFalse();
    for (ContainerdVersion family : TARGETS) {
      VersionResult r = on(v, family);
      assertThat(r.allPulled()).as(family.label()).isTrue();
      assertThat(r.hostsTried())
          .as(family.label())
          .anyMatch(h -> h.startsWith("mirror.corp.example:443 HEAD /v2/library/nginx/manifests/"))
          .noneMatch(h -> h.startsWith("registry-1.docker.io"));
    }
    assertThat(on(v, ContainerdVersion.V2).logged())
        .anyMatch(l -> l.contains("Configuration migrated from version 2"));
  }

  @Test
  void theOldStyleConfigPullsOnBothButTwoXDropsItsTlsSettingsWhichTheStaticCheckCalls()
      throws Exception {
    Validation v = validate("breaks-on-2x");

    assertThat(on(v, ContainerdVersion.V1_7).allPulled()).isTrue();
    assertThat(on(v, ContainerdVersion.V1_7).logged())
        .contains("warning: `configs.tls` is deprecated, please use `config_path` instead");
    assertThat(on(v, ContainerdVersion.V2).logged())
        .anyMatch(
            l ->
                l.startsWith("warning: Ignoring unknown key in TOML for plugin")
                    && l.contains("registry configs registry.corp.example tls"))
        .anyMatch(l -> l.contains("Falling back to local image pull mode"));
    assertThat(v.breaks())
        .singleElement()
        .satisfies(b -> assertThat(b).startsWith("2 (fine on 1.7)").contains(".tls"));
    assertThat(v.failed()).isTrue();
  }

  @Test
  void theWriteUpsConfigIsReadByNeitherVersionSoItsHostsFilesNeverApply() throws Exception {
    Validation v = validate("writeup");

    for (ContainerdVersion family : TARGETS) {
      VersionResult r = on(v, family);
      assertThat(r.criLoaded()).as(family.label()).contains(true);
      // Docker Hub images go straight to registry-1.docker.io: no hosts.toml was read.
      assertThat(r.hostsTried())
          .as(family.label())
          .filteredOn(h -> h.contains("/library/"))
          .isNotEmpty()
          .allMatch(h -> h.startsWith("registry-1.docker.io:443 "));
    }
  }
}
