package dev.pullproof.harness.validate;

import static dev.pullproof.harness.version.ContainerdVersion.V1_7;
import static dev.pullproof.harness.version.ContainerdVersion.V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.live.VersionResult;
import dev.pullproof.harness.validate.live.VersionResult.ImageResult;
import dev.pullproof.harness.validate.live.VersionResult.State;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The headline and the verdict agree with the rows: refusals fail, could-not-check is not a
 * verdict.
 */
class VerdictTest {
  private static final Finding ERROR_ON_2 =
      new Finding(
          "config-path-list",
          Severity.ERROR,
          Path.of("config.toml"),
          4,
          "config_path",
          List.of(V2),
          "synthetic: breaks on 2.x",
          "");

  private static VersionResult pulled(ContainerdVersion family) {
    return new VersionResult(
        family,
        family.label() + "-synthetic",
        State.CHECKED,
        "",
        Optional.of(true),
        List.of(),
        List.of(),
        List.of(new ImageResult("nginx:1.25", true, "")));
  }

  private static VersionResult refused(ContainerdVersion family) {
    return new VersionResult(
        family,
        family.label() + "-synthetic",
        State.REFUSED,
        "failed to load TOML from /etc/containerd/config.toml: unsupported config version `3`",
        Optional.empty(),
        List.of(),
        List.of(),
        List.of());
  }

  private static Validation of(List<Finding> findings, VersionResult... versions) {
    return new Validation(
        new NodeFiles(Path.of("config.toml"), Optional.empty()),
        List.of("nginx:1.25"),
        List.of(V1_7, V2),
        findings,
        List.of(versions),
        List.of());
  }

  @Test
  void aHeadlineNeverSaysFineOnAVersionThatRefusedTheFile() {
    Validation v = of(List.of(ERROR_ON_2), refused(V1_7), pulled(V2));

    assertThat(v.breaks())
        .singleElement()
        .satisfies(
            b -> assertThat(b).startsWith("2 (1.7 refused the file too): ").doesNotContain("fine"));
    assertThat(v.failed()).isTrue();
  }

  @Test
  void aVersionThatRefusesTheFileIsAVerdictNotAnIncompleteCheck() {
    Validation v = of(List.of(), pulled(V1_7), refused(V2));

    assertThat(v.incomplete()).isEmpty();
    assertThat(v.failed()).isTrue();
    assertThat(v.breaks())
        .containsExactly(
            "2 (fine on 1.7): containerd refuses the file: failed to load TOML from"
                + " /etc/containerd/config.toml: unsupported config version `3`");
  }

  @Test
  void aVersionThatCouldNotBeCheckedMakesTheCheckIncompleteAndIsNeverCompared() {
    Validation v =
        of(List.of(), pulled(V1_7), VersionResult.couldNotCheck(V2, "", "port 10010 in use"));

    assertThat(v.failed()).isFalse();
    assertThat(v.incomplete()).contains("2: port 10010 in use");
    assertThat(v.breaks()).isEmpty();
  }

  @Test
  void aFailureFoundOnOneVersionWinsOverAnotherThatCouldNotBeChecked() {
    Validation v =
        of(List.of(), refused(V1_7), VersionResult.couldNotCheck(V2, "", "no Docker engine"));

    assertThat(v.failed()).isTrue();
    assertThat(v.incomplete()).isPresent();
  }
}
