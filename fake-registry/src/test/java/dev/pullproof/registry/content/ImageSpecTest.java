package dev.pullproof.registry.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSpecTest {

  @Test
  void builderDefaultsToOneLinuxAmd64OciImage() {
    ImageSpec spec = ImageSpec.builder().layer(10).build();

    assertThat(spec.platforms()).containsExactly(Platform.LINUX_AMD64);
    assertThat(spec.format()).isEqualTo(ImageFormat.OCI);
    assertThat(spec.seed()).isZero();
    assertThat(spec.multiPlatform()).isFalse();
    assertThat(spec.env()).isEqualTo(ImageSpec.DEFAULT_ENV);
    assertThat(spec.cmd()).isEqualTo(ImageSpec.DEFAULT_CMD);
    assertThat(spec.entrypoint()).isEmpty();
  }

  @Test
  void multiArchMeansAmd64AndArm64() {
    ImageSpec spec = ImageSpec.builder().layers(1, 2).multiArch().build();

    assertThat(spec.platforms()).containsExactly(Platform.LINUX_AMD64, Platform.LINUX_ARM64);
    assertThat(spec.multiPlatform()).isTrue();
    assertThat(spec.layerSizes()).containsExactly(1L, 2L);
  }

  @Test
  void toBuilderKeepsEverythingNotChanged() {
    ImageSpec spec =
        ImageSpec.builder().name("app").seed(7).layers(3, 4).format(ImageFormat.BOTH).build();

    ImageSpec reseeded = spec.toBuilder().seed(8).build();

    assertThat(reseeded)
        .isEqualTo(
            new ImageSpec(
                "app",
                8,
                List.of(3L, 4L),
                ImageFormat.BOTH,
                spec.platforms(),
                spec.env(),
                spec.entrypoint(),
                spec.cmd()));
  }

  @Test
  void invalidSpecsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> ImageSpec.builder().build()).hasMessageContaining("layerSizes");
    assertThatThrownBy(() -> ImageSpec.builder().layer(-1).build())
        .hasMessageContaining("layerSizes");
    assertThatThrownBy(() -> ImageSpec.builder().layer(1).format(null).build())
        .hasMessageContaining("format");
    assertThatThrownBy(
            () ->
                ImageSpec.builder()
                    .layer(1)
                    .platforms(Platform.LINUX_AMD64, Platform.LINUX_AMD64)
                    .build())
        .hasMessageContaining("platforms");
    assertThatThrownBy(() -> ImageSpec.builder().layer(1).env("NOVALUE").build())
        .hasMessageContaining("env");
    assertThatThrownBy(() -> ImageSpec.builder().layer(1).cmd("a", null).build())
        .hasMessageContaining("cmd");
    assertThatThrownBy(() -> ImageSpec.builder().layer(1).name(" ").build())
        .hasMessageContaining("name");
  }

  @Test
  void platformParsesOsSlashArchitecture() {
    assertThat(Platform.parse("linux/arm64")).isEqualTo(Platform.LINUX_ARM64);
    assertThat(Platform.LINUX_AMD64).hasToString("linux/amd64");
    assertThatThrownBy(() -> Platform.parse("linux")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Platform("Linux", "amd64")).hasMessageContaining("os");
  }
}
