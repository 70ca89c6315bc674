package dev.pullproof.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.registry.protocol.RegistryException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormBodyTest {
  @Test
  void decodesFieldsKeepingRepeatedValuesInOrder() {
    Map<String, List<String>> form =
        FormBody.parse("scope=repository%3Aa%3Apull+x&scope=b&flag&empty=&&password=p%26w");

    assertThat(form)
        .containsEntry("scope", List.of("repository:a:pull x", "b"))
        .containsEntry("flag", List.of(""))
        .containsEntry("empty", List.of(""))
        .containsEntry("password", List.of("p&w"));
  }

  @Test
  void rejectsBrokenEscapesAsABadRequest() {
    assertThatThrownBy(() -> FormBody.parse("a=%zz"))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}
