package dev.pullproof.harness.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What differs between the 2.x lines, as read from containerd's source at v2.0.11 and v2.2.7. */
class ReleaseLineRulesTest {
  private static final ContainerdVersion TWO_ZERO = ContainerdVersion.parse("2.0.11");
  private static final ContainerdVersion TWO_TWO = ContainerdVersion.parse("2.2.7");
  @TempDir Path dir;

  private List<Finding> check(String config, ContainerdVersion... targets) {
    return new TestNode(dir).config(config).check(List.of("nginx"), List.of(targets));
  }

  private static List<Finding> of(List<Finding> findings, String rule, ContainerdVersion v) {
    return findings.stream()
        .filter(f -> f.rule().equals(rule) && f.versions().contains(v))
        .toList();
  }

  @Test
  void twoZeroSplitsAColonSeparatedConfigPathBecauseItAlwaysPullsLocally() {
    List<Finding> f =
        check(
            "version = 3\n[plugins.\"io.containerd.cri.v1.images\".registry]\n"
                + "config_path = \"/etc/containerd/certs.d:/etc/docker/certs.d\"\n",
            TWO_ZERO,
            TWO_TWO);
    assertThat(of(f, "config-path-list", TWO_ZERO))
        .singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
    assertThat(of(f, "config-path-list", TWO_TWO))
        .singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
    assertThat(of(f, "pull-path", TWO_ZERO))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("2.0.11 always pulls CRI images through"));
  }

  @Test
  void keysTwoOneAddedAreUnknownOnTwoZeroAndTwoTwoKnowItsOwn() {
    List<Finding> f =
        check(
            "version = 3\n[grpc]\ntcp_tls_common_name = \"x\"\n"
                + "[plugins.\"io.containerd.cri.v1.images\"]\nuse_local_image_pull = true\n"
                + "[plugins.\"io.containerd.cri.v1.runtime\"]\nenable_criu = false\n",
            TWO_ZERO,
            ContainerdVersion.V2,
            TWO_TWO);
    List<String> onTwoZero =
        of(f, "config-unknown-key", TWO_ZERO).stream().map(Finding::key).toList();
    assertThat(onTwoZero)
        .anyMatch(k -> k.endsWith("use_local_image_pull"))
        .anyMatch(k -> k.endsWith("enable_criu"))
        .anyMatch(k -> k.endsWith("tcp_tls_common_name"));
    assertThat(of(f, "config-unknown-key", TWO_TWO)).isEmpty();
    assertThat(of(f, "config-unknown-key", ContainerdVersion.V2).stream().map(Finding::key))
        .noneMatch(k -> k.endsWith("use_local_image_pull"))
        .anyMatch(k -> k.endsWith("enable_criu"));
  }

  @Test
  void pluginDirIsKnownOnTwoZeroOnly() {
    List<Finding> f = check("version = 3\nplugin_dir = \"/opt/plugins\"\n", TWO_ZERO, TWO_TWO);
    assertThat(of(f, "config-unknown-key", TWO_ZERO)).isEmpty();
    assertThat(of(f, "config-unknown-key", TWO_TWO)).hasSize(1);
  }
}
