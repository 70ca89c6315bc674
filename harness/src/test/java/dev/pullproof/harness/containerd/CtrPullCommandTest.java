package dev.pullproof.harness.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CtrPullCommandTest {

  @Test
  void flagsComeBeforeTheImageAndThePasswordIsMaskedForDisplay() {
    CtrPull pull =
        CtrPull.of("reg.test:5000/app:1")
            .withHostsDir("/etc/containerd/certs.d")
            .withUser("ci:s3cret")
            .withPlainHttp();

    assertThat(pull.command())
        .containsExactly(
            "ctr",
            "--address",
            "/run/containerd/containerd.sock",
            "--namespace",
            "k8s.io",
            "images",
            "pull",
            "--hosts-dir",
            "/etc/containerd/certs.d",
            "--user",
            "ci:s3cret",
            "--plain-http",
            "reg.test:5000/app:1");
    assertThat(pull.display()).contains("--user ci:*** ").doesNotContain("s3cret");
  }

  @Test
  void aUserWithoutPasswordIsRefused() {
    assertThatThrownBy(() -> CtrPull.of("x/y:1").withUser("ci"))
        .hasMessage("user must be 'name:password'");
  }
}
