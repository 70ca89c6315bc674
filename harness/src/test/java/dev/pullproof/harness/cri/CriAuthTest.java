package dev.pullproof.harness.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CriAuthTest {

  @Test
  void toStringNeverShowsASecret() {
    assertThat(CriAuth.basic("ci", "s3cret").toString())
        .isEqualTo("CriAuth[username=ci, password=***]");
    assertThat(new CriAuth("", "", "Y2k6czNjcmV0", "reg.test", "", "tok").toString())
        .doesNotContain("Y2k6czNjcmV0", "tok]")
        .contains("serverAddress=reg.test");
  }

  @Test
  void anAuthWithoutAnyCredentialIsRefused() {
    assertThatThrownBy(() -> new CriAuth("", "", "", "reg.test", "", ""))
        .hasMessageContaining("pass no CriAuth at all for an anonymous pull");
  }
}
