package dev.pullproof.harness.validate.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** containerd's logfmt lines become one readable line per distinct warning or error. */
class VersionResultTest {
  // As containerd 2.1.9 logged it for a version 3 file keeping the 1.x plugin name.
  private static final String LOG =
      """
      time="2026-11-27T21:00:00Z" level=info msg="starting containerd" revision= version=2.1.9
      time="2026-11-27T21:00:00Z" level=warning msg="Ignoring unknown key in TOML for plugin" error="strict mode: fields in the document are missing in the target struct" key=registry plugin=io.containerd.grpc.v1.cri
      time="2026-11-27T21:00:01Z" level=warning msg="Ignoring unknown key in TOML for plugin" error="strict mode: fields in the document are missing in the target struct" key=registry plugin=io.containerd.grpc.v1.cri
      time="2026-11-27T21:00:01Z" level=error msg="failed to load cni during init, please check CRI plugin status before setting up network for pods" error="cni config load failed"
      """;

  @Test
  void warningsAreKeptOnceWithTheirErrorAndFieldsAndEnvironmentNoiseIsLeftOut() {
    assertThat(VersionResult.logged(LOG))
        .containsExactly(
            "warning: Ignoring unknown key in TOML for plugin: strict mode: fields in the document"
                + " are missing in the target struct (key=registry plugin=io.containerd.grpc.v1.cri)");
  }

  @Test
  void containerdExitingOnTheFileIsARefusalWithItsOwnWords() {
    // As ContainerdNodeFactory reported 1.7.24 given a version = 3 file.
    String error =
        "containerd 1.7.24~ds1-6+deb13u1 did not start: Container did not start correctly.; its"
            + " last log lines:\n"
            + "time=\"2026-12-04T01:42:38Z\" level=error msg=\"containerd config version `3` is not"
            + " supported, the max version is `2`\"\n"
            + "containerd: failed to load TOML from /etc/containerd/config.toml: unsupported config"
            + " version `3`: Container startup failed for image pullproof/containerd:1.7.24";

    assertThat(VersionResult.classify(error))
        .isEqualTo(
            new VersionResult.Check(
                VersionResult.State.REFUSED,
                "failed to load TOML from /etc/containerd/config.toml: unsupported config version"
                    + " `3`"));
  }

  @Test
  void aStartFailureWithoutContainerdsLastWordsIsCouldNotCheck() {
    String error =
        "containerd 1.6.20~ds1-1+deb12u3 did not start: /tmp/pullproof-blobs-p1/incoming; its last"
            + " log lines:\n: Container startup failed for image pullproof/containerd:1.6.20";

    assertThat(VersionResult.classify(error).state())
        .isEqualTo(VersionResult.State.COULD_NOT_CHECK);
  }
}
