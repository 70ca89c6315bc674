package dev.pullproof.harness.validate;

import static dev.pullproof.harness.version.ContainerdVersion.V1_7;
import static dev.pullproof.harness.version.ContainerdVersion.V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding.Evidence.Kind;
import dev.pullproof.harness.validate.live.VersionResult;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static findings meet what containerd did: confirmed, contradicted, or live only. */
class ReconciliationTest {
  // As 2.1.9 logged them (runs in this project's validate, /tmp configs of the change).
  private static final String FALLBACK =
      "warning: Found 'DiscardUnpackedLayers' in CRI config which is incompatible with transfer"
          + " service (not supported with transfer service). Falling back to local image pull mode.";
  private static final String BIN_DIR =
      "warning: `bin_dir` is deprecated, please use `bin_dirs` instead";
  private static final String LIST =
      "version = 3\n[plugins.\"io.containerd.cri.v1.images\".registry]\n"
          + "config_path = \"/etc/containerd/certs.d:/etc/docker/certs.d\"\n";

  @TempDir Path dir;

  private static VersionResult logged(
      ContainerdVersion family, boolean criLoaded, String... lines) {
    return new VersionResult(
        family,
        "synthetic",
        VersionResult.State.CHECKED,
        "",
        Optional.of(criLoaded),
        List.of(lines),
        List.of(),
        List.of(new VersionResult.ImageResult("nginx:1.25", true, "")));
  }

  private List<Finding> reconcile(String config, VersionResult... versions) {
    TestNode node = new TestNode(dir).config(config);
    List<Finding> statics = node.check(List.of(), List.of(V2));
    return Reconciliation.reconcile(node.config(), statics, List.of(versions));
  }

  private static Finding rule(List<Finding> findings, String id) {
    return findings.stream().filter(f -> f.rule().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aLocalPullPathPredictedFromDiscardUnpackedLayersIsConfirmedByTheFallbackLine() {
    List<Finding> findings =
        reconcile(
            "version = 3\n[plugins.\"io.containerd.cri.v1.images\"]\ndiscard_unpacked_layers = true\n"
                + LIST.substring(LIST.indexOf('\n') + 1),
            logged(V2, true, FALLBACK));

    Finding path = rule(findings, "pull-path");
    assertThat(path.line()).isEqualTo(3);
    assertThat(path.evidence()).extracting(e -> e.kind()).containsExactly(Kind.CONFIRMED);
    assertThat(findings).noneMatch(Finding::liveOnly);
  }

  @Test
  void aListBrokenOnTheTransferPathIsContradictedWhenTwoXFellBackAndTheVerdictFollowsIt() {
    List<Finding> findings = reconcile(LIST, logged(V2, true, FALLBACK));

    Finding list = rule(findings, "config-path-list");
    assertThat(list.contradictedOn(V2)).isTrue();
    assertThat(list.standing()).isEmpty();
    assertThat(rule(findings, "pull-path").contradictedOn(V2)).isTrue();
  }

  @Test
  void aVersionTwoFilesDiscardUnpackedLayersInItsContainerdTableMakesTwoXPullLocally() {
    // The shape of EKS's node config: migration moves the setting to the images plugin.
    List<Finding> findings =
        reconcile(
            "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".containerd]\n"
                + "discard_unpacked_layers = true\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                + "config_path = \"/etc/containerd/certs.d:/etc/docker/certs.d\"\n",
            logged(V2, true, FALLBACK));

    Finding path = rule(findings, "pull-path");
    assertThat(path.line()).isEqualTo(3);
    assertThat(path.evidence()).extracting(e -> e.kind()).containsExactly(Kind.CONFIRMED);
    assertThat(findings)
        .filteredOn(f -> f.rule().equals("config-path-list"))
        .noneMatch(f -> f.severity() == Severity.ERROR && f.standing().contains(V2));
  }

  @Test
  void mirrorsMakeTwoXFallBackAndThePullPathFindingPointsAtTheMirrorsTable() {
    List<Finding> findings =
        reconcile(
            "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\nconfig_path = \"\"\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"docker.io\"]\n"
                + "endpoint = [\"https://mirror.corp.example\"]\n");

    Finding path = rule(findings, "pull-path");
    assertThat(path.key()).isEqualTo("plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors");
    assertThat(path.line()).isEqualTo(4);
    assertThat(path.message()).contains("through the local image pull");
  }

  @Test
  void aDeprecationNoRuleNamesBecomesALiveOnlyFindingOncePerLine() {
    List<Finding> findings =
        reconcile(
            "version = 3\n",
            logged(V2, true, BIN_DIR + " (t=\"1µs\")"),
            logged(V1_7, true, BIN_DIR));

    assertThat(findings.stream().filter(Finding::liveOnly))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message()).contains("`bin_dir` is deprecated");
              assertThat(f.versions()).containsExactly(V1_7, V2);
            });
  }

  @Test
  void aLogLineAStaticRuleQuotesIsMergedIntoThatFinding() {
    List<Finding> findings =
        reconcile(
            "version = 2\n",
            logged(
                V2,
                true,
                "warning: Configuration migrated from version 2, use `containerd config migrate` to"
                    + " avoid migration (t=\"9µs\")"));

    assertThat(rule(findings, "config-v2-on-2x").evidence())
        .singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.CONFIRMED));
    assertThat(findings).noneMatch(Finding::liveOnly);
  }
}
