package dev.pullproof.registry.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeaderMatchTest {
  @Test
  void presentAndAbsentLookOnlyAtWhetherTheHeaderIsThere() {
    assertThat(HeaderMatch.present("Authorization").test("")).isTrue();
    assertThat(HeaderMatch.present("Authorization").test(null)).isFalse();
    assertThat(HeaderMatch.absent("Authorization").test(null)).isTrue();
    assertThat(HeaderMatch.absent("Authorization").test("Basic x")).isFalse();
  }

  @Test
  void aSchemeNeedsTheWholeWordThenASpace() {
    assertThat(HeaderMatch.scheme("Basic").test("BASIC eDp5")).isTrue();
    assertThat(HeaderMatch.scheme("Basic").test("Basic")).isFalse();
    assertThat(HeaderMatch.scheme("Basic").test("Bearer eDp5")).isFalse();
  }

  @Test
  void aRegexIsFoundAnywhereInTheValue() {
    assertThat(HeaderMatch.matches("User-Agent", "containerd/2\\.").test("x containerd/2.1.9"))
        .isTrue();
    assertThat(HeaderMatch.contains("Accept", "manifest.v2").test("application/json")).isFalse();
  }

  @Test
  void badConditionsAreRefusedWithTheHeaderNamed() {
    assertThatThrownBy(() -> HeaderMatch.matches("User-Agent", "("))
        .hasMessageContaining("User-Agent regex '(' is invalid");
    assertThatThrownBy(() -> HeaderMatch.scheme("Bearer token")).hasMessageContaining("one word");
    assertThatThrownBy(() -> HeaderMatch.contains("Accept", ""))
        .hasMessageContaining("Accept contains needs a value");
  }
}
