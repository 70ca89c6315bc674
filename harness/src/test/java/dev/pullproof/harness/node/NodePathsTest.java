package dev.pullproof.harness.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodePathsTest {
  @Test
  void aK3sConfigMovesTheSocketAndTheRoot() {
    NodePaths paths =
        NodePaths.of(
            Optional.of(
                "version = 2\nroot = \"/var/lib/rancher/k3s/agent/containerd\"\n"
                    + "[grpc]\n  address = \"/run/k3s/containerd/containerd.sock\"\n"));

    assertThat(paths)
        .isEqualTo(
            new NodePaths(
                "/run/k3s/containerd/containerd.sock", "/var/lib/rancher/k3s/agent/containerd"));
  }

  @Test
  void aConfigThatSetsNeitherOrDoesNotParseKeepsTheDefaults() {
    assertThat(NodePaths.of(Optional.of("version = 2\n"))).isEqualTo(NodePaths.DEFAULT);
    assertThat(NodePaths.of(Optional.of("[grpc\n"))).isEqualTo(NodePaths.DEFAULT);
    assertThat(NodePaths.of(Optional.empty())).isEqualTo(NodePaths.DEFAULT);
    assertThat(NodePaths.of(Optional.of("[grpc]\naddress = \"relative.sock\"\n")))
        .isEqualTo(NodePaths.DEFAULT);
  }
}
