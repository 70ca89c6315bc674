package dev.pullproof.harness.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.DebianPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedReleaseTest {
  @TempDir Path cache;

  @Test
  void readsTheManifestCiContainerdImagesWrites() throws IOException {
    Path dir =
        prepare(
            "1.7",
            "family=1.7\nsuite=trixie\ncontainerd=1.7.24~ds1-6+deb13u1\nlibc6=2.41-12+deb13u5\n");

    PreparedRelease release = PreparedRelease.load(cache, ContainerdVersion.V1_7);

    assertThat(release.source()).isEqualTo(new DebianPackage("trixie"));
    assertThat(release.containerdVersion()).isEqualTo("1.7.24~ds1-6+deb13u1");
    assertThat(release.libcVersion()).isEqualTo("2.41-12+deb13u5");
    assertThat(release.imageRoot()).isEqualTo(dir.resolve("image"));
    assertThat(release.upstreamVersion()).isEqualTo("1.7.24");
    assertThat(release.imageTag()).isEqualTo("1.7.24_ds1-6_deb13u1-libc6-2.41-12_deb13u5");
  }

  @Test
  void aMissingReleaseSaysWhichScriptPreparesIt() {
    assertThatThrownBy(() -> PreparedRelease.load(cache, ContainerdVersion.V2))
        .hasMessageContaining("containerd 2 is not prepared")
        .hasMessageContaining("run ci/containerd-images 2");
  }

  @Test
  void aManifestWithoutALineNamesTheKey() throws IOException {
    prepare("1.6", "family=1.6\nsuite=bookworm\ncontainerd=1.6.20~ds1-1+deb12u3\n");

    assertThatThrownBy(() -> PreparedRelease.load(cache, ContainerdVersion.V1_6))
        .hasMessageContaining("has no 'libc6=' line");
  }

  @Test
  void aManifestOfAnotherFamilyIsRefused() throws IOException {
    prepare("1.6", "family=1.7\nsuite=trixie\ncontainerd=1.7.24\nlibc6=2.41\n");

    assertThatThrownBy(() -> PreparedRelease.load(cache, ContainerdVersion.V1_6))
        .hasMessageContaining("says family=1.7, expected 1.6");
  }

  @Test
  void sidsVersionKeepsItsUpstreamPart() {
    PreparedRelease release =
        new PreparedRelease(
            ContainerdVersion.V2, new DebianPackage("sid"), "2.1.9+ds1-5", "2.43-7", cache);

    assertThat(release.upstreamVersion()).isEqualTo("2.1.9");
    assertThat(release.imageTag()).isEqualTo("2.1.9_ds1-5-libc6-2.43-7");
  }

  private Path prepare(String family, String manifest) throws IOException {
    Path dir = cache.resolve("containerd").resolve(family);
    Files.createDirectories(dir.resolve("image"));
    Files.writeString(dir.resolve("versions"), manifest);
    return dir;
  }
}
