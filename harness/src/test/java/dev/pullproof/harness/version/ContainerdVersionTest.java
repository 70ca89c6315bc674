package dev.pullproof.harness.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

public class ContainerdVersionTest {

  @Test
  void oneSixAndOneSevenReadVersionTwoConfigUnderTheGrpcCriPlugin() {
    assertThat(ContainerdVersion.V1_6.registryConfigToml("/etc/containerd/certs.d"))
        .isEqualTo(
            "version = 2\n\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                + "  config_path = \"/etc/containerd/certs.d\"\n");
    assertThat(ContainerdVersion.V1_7.imagePlugin().id()).isEqualTo("io.containerd.grpc.v1.cri");
  }

  @Test
  void twoReadsVersionThreeConfigUnderTheCriImagesPlugin() {
    assertThat(ContainerdVersion.V2.registryConfigToml("/d"))
        .startsWith("version = 3\n")
        .contains("[plugins.\"io.containerd.cri.v1.images\".registry]");
  }

  @Test
  void aHeadingPutsTheReportedVersionInParenthesesWithoutNestingThem() {
    assertThat(ContainerdVersion.V2.withReported("2.1.9+ds1-5")).isEqualTo("2 (2.1.9+ds1-5)");
    assertThat(ContainerdVersion.V2.withReported("")).isEqualTo("2");
    assertThat(
            ContainerdVersion.parse("2.1.9")
                .withReported("2.1.9+unknown (upstream archive file:/r/c.tar.gz, sha256 ab)"))
        .isEqualTo("2.1.9 = 2.1.9+unknown (upstream archive file:/r/c.tar.gz, sha256 ab)");
  }

  @Test
  void familiesParseByTheirNameAndAnUnknownOneListsTheKnown() {
    assertThat(ContainerdVersion.parse("1.7")).isEqualTo(ContainerdVersion.V1_7);
    assertThat(ContainerdVersion.parse("2").source()).isEqualTo(new DebianPackage("sid"));
    assertThatThrownBy(() -> ContainerdVersion.parse("1.5"))
        .hasMessage(
            "unknown containerd version '1.5'; known: the families 1.6, 1.7, 2 or an exact release"
                + " such as 2.2.1 (1.5 is a release line: write 1.5.0 or the release you mean)");
    assertThatThrownBy(() -> ContainerdVersion.parse("latest"))
        .hasMessageStartingWith("unknown containerd version 'latest'; known: the families");
  }

  @Test
  void anExactReleaseTakesTheFactsOfItsLineAndRunsFromTheUpstreamArchive() {
    ContainerdVersion v = ContainerdVersion.parse("v2.2.1");
    assertThat(v.label()).isEqualTo("2.2.1");
    assertThat(v.line()).isEqualTo(ReleaseLine.V2_2);
    assertThat(v.lineKnown()).isTrue();
    assertThat(v.isFamily()).isFalse();
    assertThat(v.family()).isEqualTo(ContainerdVersion.V2);
    assertThat(v.findingLabel()).isEqualTo("2.2.1");
    assertThat(v.source()).isEqualTo(new UpstreamArchive("2.2.1"));
    assertThat(((UpstreamArchive) v.source()).archiveName())
        .isEqualTo("containerd-2.2.1-linux-amd64.tar.gz");
    assertThat(ContainerdVersion.parse("1.7.29").family()).isEqualTo(ContainerdVersion.V1_7);
    assertThat(ContainerdVersion.parse("1.6.39").line()).isEqualTo(ReleaseLine.V1_6);
  }

  @Test
  void aReleaseOfALineWithoutFactsSaysItsLineIsTheNearestGuess() {
    ContainerdVersion v = ContainerdVersion.parse("2.3.0");
    assertThat(v.lineKnown()).isFalse();
    assertThat(v.line()).isEqualTo(ReleaseLine.V2_2);
    assertThat(ContainerdVersion.parse("1.5.18").line()).isEqualTo(ReleaseLine.V1_6);
    assertThat(ContainerdVersion.parse("3.0.0").line()).isEqualTo(ReleaseLine.V2_2);
  }

  @Test
  void binariesTheUserHasAreNamedByTheVersionTheyReport() {
    ContainerdVersion v = ContainerdVersion.local(Path.of("/opt/cd"), "v2.0.7");
    assertThat(v.label()).isEqualTo("2.0.7+local");
    assertThat(v.line()).isEqualTo(ReleaseLine.V2_0);
    assertThat(v.source()).isEqualTo(new LocalBinaries(Path.of("/opt/cd")));
    assertThatThrownBy(() -> ContainerdVersion.local(Path.of("/opt/cd"), "devel"))
        .hasMessage("/opt/cd: its containerd reports version 'devel', which is not a release");
  }

  @Test
  void aScenarioTableEntryOfTheFamilyStandsForAnExactReleaseWithoutItsOwn() {
    Map<ContainerdVersion, String> table =
        Map.of(ContainerdVersion.V2, "two", ContainerdVersion.parse("2.2.1"), "own");
    assertThat(ContainerdVersion.parse("2.2.1").entryIn(table)).contains("own");
    assertThat(ContainerdVersion.parse("2.0.7").entryIn(table)).contains("two");
    assertThat(ContainerdVersion.parse("1.7.29").entryIn(table)).isEmpty();
  }

  @Test
  void versionsSortByLineWithTheFamilyFirst() {
    assertThat(
            new TreeSet<>(
                List.of(
                    ContainerdVersion.parse("2.2.1"),
                    ContainerdVersion.V2,
                    ContainerdVersion.parse("2.1.9"),
                    ContainerdVersion.parse("1.7.29"),
                    ContainerdVersion.V1_6)))
        .extracting(ContainerdVersion::label)
        .containsExactly("1.6", "1.7.29", "2", "2.1.9", "2.2.1");
  }

  /** Debian's families, for parameterised tests that run on each. */
  public static Stream<ContainerdVersion> families() {
    return ContainerdVersion.families().stream();
  }

  @Test
  void findingsCallTheTwoLineTwoXAndOnlyTheOneLinesAreOneX() {
    assertThat(ContainerdVersion.V2.findingLabel()).isEqualTo("2.x");
    assertThat(ContainerdVersion.V1_6.findingLabel()).isEqualTo("1.6");
    assertThat(ContainerdVersion.V1_6.isOneX()).isTrue();
    assertThat(ContainerdVersion.V1_7.isOneX()).isTrue();
    assertThat(ContainerdVersion.V2.isOneX()).isFalse();
  }

  @Test
  void eachLineComesFromItsDebianSuite() {
    assertThat(ContainerdVersion.V1_6.source().provenance())
        .containsExactly(entry("suite", "bookworm"));
    assertThat(ContainerdVersion.V1_7.source()).isEqualTo(new DebianPackage("trixie"));
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
