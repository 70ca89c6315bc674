package dev.pullproof.harness.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node files a config.toml names, under whichever plugin id the version uses. */
class NodeFilesTest {
  @TempDir Path dir;

  @Test
  void everyKeyThatNamesANodeFileIsFoundWithItsLine() throws Exception {
    Path config = dir.resolve("config.toml");
    Files.writeString(
        config,
        """
        version = 3
        [grpc]
          tcp_tls_ca = "/etc/pki/grpc-ca.crt"
        [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc]
          base_runtime_spec = "/etc/containerd/cri-base.json"
          cni_conf_dir = ""
        [plugins.'io.containerd.cri.v1.runtime'.cni]
          bin_dirs = ["/opt/cni/bin", "/usr/lib/cni"]
          conf_dir = "/etc/cni/net.d"
        [plugins.'io.containerd.cri.v1.images'.registry]
          config_path = "/etc/containerd/certs.d:/etc/docker/certs.d"
        """);
    assertThat(new NodeFiles(config, Optional.empty()).references())
        .extracting(r -> r.path() + " " + r.kind() + " " + r.line())
        .containsExactly(
            "/etc/pki/grpc-ca.crt CA 3",
            "/etc/containerd/cri-base.json RUNTIME_SPEC 5",
            "/opt/cni/bin DIRECTORY 8",
            "/usr/lib/cni DIRECTORY 8",
            "/etc/cni/net.d DIRECTORY 9");
  }

  @Test
  void theDefaultRuntimeSpecIsContainerdsOwn() {
    assertThat(NodeFiles.defaultRuntimeSpec())
        .startsWith("{")
        .contains("\"ociVersion\"", "\"process\"", "\"root\"", "\"linux\"");
  }
}
