package dev.pullproof.harness.validate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.harness.validate.live.Endpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** References split the way containerd's reference parser splits them. */
class ImageRefTest {
  @ParameterizedTest
  @CsvSource({
    "nginx, docker.io, library/nginx, latest",
    "nginx:1.25, docker.io, library/nginx, 1.25",
    "team/app:2, docker.io, team/app, 2",
    "docker.io/library/nginx:1.25, docker.io, library/nginx, 1.25",
    "registry.corp:5000/team/app:1.0, registry.corp:5000, team/app, 1.0",
    "localhost/app, localhost, app, latest",
    "ghcr.io/org/tool, ghcr.io, org/tool, latest",
    "index.docker.io/library/nginx, docker.io, library/nginx, latest"
  })
  void splitsRegistryRepositoryAndTag(String ref, String registry, String repo, String tag) {
    ImageRef image = ImageRef.parse(ref);
    assertThat(image.registry()).isEqualTo(registry);
    assertThat(image.repository()).isEqualTo(repo);
    assertThat(image.tag()).isEqualTo(tag);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "bad ref", "Team/App:1", "https://x/y"})
  void rejectsWhatIsNoTaggedReferenceSayingWhy(String ref) {
    assertThatThrownBy(() -> ImageRef.parse(ref))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + ref + "'");
  }

  @org.junit.jupiter.api.Test
  void aDigestIsKeptApartFromTheRepository() {
    ImageRef image = ImageRef.parse("docker.io/library/nginx@sha256:abc");
    assertThat(image.host()).isEqualTo("docker.io");
    assertThat(image.repository()).isEqualTo("library/nginx");
    assertThat(image.digest()).isEqualTo("sha256:abc");
    assertThat(image.tag()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "docker.io, registry-1.docker.io, 443, true",
    "registry.corp:5000, registry.corp, 5000, true",
    "localhost:5000, localhost, 5000, false",
    "quay.io, quay.io, 443, true"
  })
  void defaultEndpointsAreHttpsExceptForLocalhost(
      String registry, String host, int port, boolean tls) {
    assertThat(Endpoint.defaultFor(registry)).isEqualTo(new Endpoint(host, port, tls));
  }
}
