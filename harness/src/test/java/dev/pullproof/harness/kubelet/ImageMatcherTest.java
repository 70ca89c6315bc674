package dev.pullproof.harness.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageMatcherTest {
  @ParameterizedTest(name = "{0} covers {1}: {2}")
  @CsvSource({
    "*.k8s.io, abc.k8s.io/app:1, true",
    "*.k8s.io, abc.def.k8s.io/app:1, false",
    "*.*.k8s.io, abc.def.k8s.io/app:1, true",
    "*.k8s.io, k8s.io/app:1, false",
    "k8s.*.io, k8s.abc.io/app, true",
    "k8s.io, k8s.io/app, true",
    "*.dkr.ecr.*.amazonaws.com, 123456789.dkr.ecr.us-east-1.amazonaws.com/app, true",
    "*.azurecr.io, team.azurecr.io/app:1, true",
    "registry.test:5000, registry.test:5000/team/app:1.0, true",
    "registry.test, registry.test:5000/team/app:1.0, false",
    "registry.test:5000, registry.test/team/app:1.0, false",
    "registry.test:5000, registry.test:5001/team/app:1.0, false",
    "registry.test/team, registry.test/team/app:1.0, true",
    "registry.test/team, registry.test/other/app:1.0, false",
    "*, localhost/app:1, true",
    "*, 127.0.0.2:5000/app:1, false",
    "127.0.0.*:5000, 127.0.0.2:5000/app:1, true",
    "reg?.test, reg1.test/app, true",
    "reg[0-9].test, reg7.test/app, true",
    "reg[^0-9].test, reg7.test/app, false",
    "https://registry.test, registry.test/app, true",
  })
  void globsMatchOneLabelEachWithTheSamePortAndAPathPrefix(
      String glob, String image, boolean expected) {
    assertThat(ImageMatcher.matches(glob, image)).isEqualTo(expected);
  }
}
