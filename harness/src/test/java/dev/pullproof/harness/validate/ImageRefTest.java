package dev.pullproof.harness.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.validate.model.ImageRef;
import org.junit.jupiter.api.Test;

class ImageRefTest {
  @Test
  void imagesWithoutRegistryAreOnDockerIo() {
    assertThat(ImageRef.parse("nginx").host()).isEqualTo("docker.io");
    assertThat(ImageRef.parse("team/app:1.0").host()).isEqualTo("docker.io");
    assertThat(ImageRef.parse("index.docker.io/library/nginx").host()).isEqualTo("docker.io");
    assertThat(ImageRef.parse("docker.io/library/nginx@sha256:abc").host()).isEqualTo("docker.io");
  }

  @Test
  void theRegistryPartKeepsItsPort() {
    assertThat(ImageRef.parse("registry.corp.example:5000/team/app:1.0").host())
        .isEqualTo("registry.corp.example:5000");
    assertThat(ImageRef.parse("localhost/x").host()).isEqualTo("localhost");
  }
}
