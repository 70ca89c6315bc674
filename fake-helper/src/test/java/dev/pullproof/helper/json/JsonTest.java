package dev.pullproof.helper.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  private final Json json = new Json();

  @Test
  void readsAndWritesEveryKindOfValueCompactly() throws Exception {
    String text =
        "{\"s\":\"a\\\"b\",\"i\":3,\"big\":12345678901234,\"f\":1.5,\"t\":true,\"n\":null,\"a\":[1,{}]}";
    assertThat(json.write(json.read(text))).isEqualTo(text);
  }

  @Test
  void blankTextIsNoValueAndTrailingContentIsAnError() throws Exception {
    assertThat(json.read("  \n")).isNull();
    assertThatThrownBy(() -> json.read("{} {}"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("unexpected content after the JSON value");
    assertThatThrownBy(() -> json.read("{\"ServerURL\":\""))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void plainValuesBecomeTreesInOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1);
    m.put("a", List.of("x", true));
    m.put("n", null);
    m.put("l", 5L);
    assertThat(json.write(json.valueOf(m)))
        .isEqualTo("{\"b\":1,\"a\":[\"x\",true],\"n\":null,\"l\":5}");
  }
}
