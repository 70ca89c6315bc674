package dev.pullproof.helper.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatternTest {
  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "registry.test, registry.test, true",
    "registry.test, https://registry.test/v1/, true",
    "registry.test, other.test, false",
    "*.corp.example, reg.corp.example, true",
    "*.corp.example, a.b.corp.example, true",
    "127.0.0.1:*, 127.0.0.1:5000, true",
    "127.0.0.1:*, 127.0.0.2:5000, false",
    "**, https://index.docker.io/v1/, true",
  })
  void serverPatternsMatchTheUrlOrItsHost(String pattern, String url, boolean matches) {
    assertThat(new Pattern(pattern).matchesServer(url)).isEqualTo(matches);
  }

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "*.corp.example/team/*, reg.corp.example/team/app:1.0, true",
    "*.corp.example/team/*, reg.corp.example/team/sub/app:1.0, false",
    "*.corp.example/**, reg.corp.example/team/sub/app:1.0, true",
    "docker.io/library/*, docker.io/library/busybox, true",
  })
  void imagePatternsStarStopsAtSlashDoubleStarDoesNot(
      String pattern, String image, boolean matches) {
    assertThat(new Pattern(pattern).matches(image)).isEqualTo(matches);
  }
}
