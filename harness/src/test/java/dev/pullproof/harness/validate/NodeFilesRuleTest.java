package dev.pullproof.harness.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.rules.NodeFilesRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeFilesRuleTest {
  @TempDir Path dir;

  @Test
  void oneNoteListsEveryFileTheNodeMustHave() {
    var findings =
        new TestNode(dir)
            .config(
                """
                version = 2
                [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
                  base_runtime_spec = "/etc/kubernetes/cri-base.json"
                [plugins."io.containerd.grpc.v1.cri".cni]
                  conf_dir = "/etc/cni/net.d"
                """)
            .check(NodeFilesRule.ID);
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.INFO);
              assertThat(f.line()).isEqualTo(3);
              assertThat(f.message())
                  .contains("/etc/kubernetes/cri-base.json (an OCI runtime spec (JSON)")
                  .contains("the CRI plugin does not load")
                  .contains("/etc/cni/net.d (a directory");
            });
  }

  @Test
  void aConfigNamingNoNodeFileHasNoNote() {
    assertThat(new TestNode(dir).config("version = 2\n").check(NodeFilesRule.ID)).isEmpty();
  }
}
