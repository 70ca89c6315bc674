package dev.pullproof.harness.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionFamilyTest {

  @Test
  void oneSixAndOneSevenReadVersionTwoConfigUnderTheGrpcCriPlugin() {
    assertThat(VersionFamily.V1_6.registryConfigToml("/etc/containerd/certs.d"))
        .isEqualTo(
            "version = 2\n\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                + "  config_path = \"/etc/containerd/certs.d\"\n");
    assertThat(VersionFamily.V1_7.imagePlugin()).isEqualTo("io.containerd.grpc.v1.cri");
  }

  @Test
  void twoReadsVersionThreeConfigUnderTheCriImagesPlugin() {
    assertThat(VersionFamily.V2.registryConfigToml("/d"))
        .startsWith("version = 3\n")
        .contains("[plugins.\"io.containerd.cri.v1.images\".registry]");
  }

  @Test
  void familiesParseByTheirNameAndAnUnknownOneListsTheKnown() {
    assertThat(VersionFamily.parse("1.7")).isEqualTo(VersionFamily.V1_7);
    assertThat(VersionFamily.parse("2").suite()).isEqualTo("sid");
    assertThatThrownBy(() -> VersionFamily.parse("1.5"))
        .hasMessage("unknown containerd version family '1.5'; known: 1.6, 1.7, 2");
  }
}
