package dev.pullproof.harness.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class VersionFamilyTest {

  @Test
  void oneSixAndOneSevenReadVersionTwoConfigUnderTheGrpcCriPlugin() {
    assertThat(VersionFamily.V1_6.registryConfigToml("/etc/containerd/certs.d"))
        .isEqualTo(
            "version = 2\n\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                + "  config_path = \"/etc/containerd/certs.d\"\n");
    assertThat(VersionFamily.V1_7.imagePlugin().id()).isEqualTo("io.containerd.grpc.v1.cri");
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
    assertThat(VersionFamily.parse("2").source()).isEqualTo(new DebianPackage("sid"));
    assertThatThrownBy(() -> VersionFamily.parse("1.5"))
        .hasMessage("unknown containerd version family '1.5'; known: 1.6, 1.7, 2");
  }

  @Test
  void findingsCallTheTwoLineTwoXAndOnlyTheOneLinesAreOneX() {
    assertThat(VersionFamily.V2.findingLabel()).isEqualTo("2.x");
    assertThat(VersionFamily.V1_6.findingLabel()).isEqualTo("1.6");
    assertThat(VersionFamily.V1_6.isOneX()).isTrue();
    assertThat(VersionFamily.V1_7.isOneX()).isTrue();
    assertThat(VersionFamily.V2.isOneX()).isFalse();
  }

  @Test
  void eachLineComesFromItsDebianSuite() {
    assertThat(VersionFamily.V1_6.source().provenance())
        .containsExactly(entry("suite", "bookworm"));
    assertThat(VersionFamily.V1_7.source()).isEqualTo(new DebianPackage("trixie"));
  }

  @Test
  void aDebianPackageNeedsASuite() {
    assertThatThrownBy(() -> new DebianPackage(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("suite must not be empty");
  }

  @Test
  void registrySettingsAreLookedForUnder1xThen2xThenTheShortId() {
    assertThat(PluginId.registryHolders())
        .extracting(PluginId::id)
        .containsExactly("io.containerd.grpc.v1.cri", "io.containerd.cri.v1.images", "cri");
  }
}
