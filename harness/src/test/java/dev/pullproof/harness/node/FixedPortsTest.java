package dev.pullproof.harness.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The ports a config.toml makes containerd bind, as cmd/containerd and the CRI plugin read them.
 */
class FixedPortsTest {
  @Test
  void everyFixedTcpListenerIsNamedWithTheSettingThatFixesIt() {
    var ports =
        FixedPorts.of(
            Optional.of(
                """
                version = 2
                [grpc]
                  address = "/run/containerd/containerd.sock"
                  tcp_address = "127.0.0.1:10011"
                [debug]
                  address = "0.0.0.0:10012"
                [metrics]
                  address = ":10013"
                [plugins."io.containerd.grpc.v1.cri"]
                  stream_server_port = "10010"
                """));
    assertThat(ports)
        .extracting(FixedPorts.Port::where, FixedPorts.Port::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("127.0.0.1:10011", "grpc.tcp_address"),
            org.assertj.core.groups.Tuple.tuple("0.0.0.0:10012", "debug.address"),
            org.assertj.core.groups.Tuple.tuple("*:10013", "metrics.address"),
            org.assertj.core.groups.Tuple.tuple(
                "127.0.0.1:10010", "plugins.\"io.containerd.grpc.v1.cri\".stream_server_port"));
  }

  @Test
  void defaultsAndUnixSocketsFixNothing() {
    assertThat(
            FixedPorts.of(
                Optional.of(
                    """
                    version = 2
                    [debug]
                      address = "/run/containerd/debug.sock"
                    [metrics]
                      address = ""
                    [plugins."io.containerd.grpc.v1.cri"]
                      stream_server_address = "127.0.0.1"
                      stream_server_port = "0"
                    """)))
        .isEmpty();
    assertThat(FixedPorts.of(Optional.empty())).isEmpty();
    assertThat(FixedPorts.of(Optional.of("this is [not toml"))).isEmpty();
  }

  @Test
  void aVersionOneFileFixesTheStreamPortUnderItsShortPluginId() {
    assertThat(
            FixedPorts.of(
                Optional.of(
                    """
                    [plugins.cri]
                      stream_server_address = ""
                      stream_server_port = "10010"
                    """)))
        .extracting(FixedPorts.Port::where)
        .containsExactly("*:10010");
  }
}
