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
}
