package dev.pullproof.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsersTest {
  private final Users users = Users.of(Map.of("alice", "secret", "bob", "hunter2"));

  @Test
  void acceptsOnlyTheUsersOwnPassword() {
    assertThat(users.check("alice", "secret")).isTrue();
    assertThat(users.check("alice", "hunter2")).isFalse();
    assertThat(users.check("alice", "secre")).isFalse();
    assertThat(users.check("carol", "secret")).isFalse();
    assertThat(users.check(null, null)).isFalse();
  }

  @Test
  void emptyPasswordMatchesOnlyAnEmptyPassword() {
    Users empty = Users.of("anon", "");

    assertThat(empty.check("anon", "")).isTrue();
    assertThat(empty.check("anon", null)).isFalse();
    assertThat(empty.check("other", "")).isFalse();
  }

  @Test
  void isImmutable() {
    Users more = users.with("carol", "pw");

    assertThat(more.usernames()).contains("carol");
    assertThat(users.usernames()).doesNotContain("carol");
  }

  @Test
  void neverPrintsPasswords() {
    assertThat(users.toString()).doesNotContain("secret").doesNotContain("hunter2");
  }

  @Test
  void rejectsUsernamesWithAColon() {
    assertThatThrownBy(() -> Users.of("a:b", "pw"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("username");
  }

  @Test
  void basicCredentialsSplitAtTheFirstColon() {
    BasicCredentials credentials = BasicCredentials.parse(basic("alice:pass:word"));

    assertThat(credentials.username()).isEqualTo("alice");
    assertThat(credentials.password()).isEqualTo("pass:word");
    assertThat(credentials.toString()).doesNotContain("pass:word");
  }

  @Test
  void basicSchemeIsCaseInsensitive() {
    assertThat(BasicCredentials.parse("bAsIc " + encode("a:b")).username()).isEqualTo("a");
  }

  @Test
  void malformedBasicCredentialsAreRejected() {
    assertThatThrownBy(() -> BasicCredentials.parse("Basic !!!")).hasMessageContaining("base64");
    assertThatThrownBy(() -> BasicCredentials.parse(basic("nocolon"))).hasMessageContaining("':'");
    assertThatThrownBy(() -> BasicCredentials.parse("Bearer abc"))
        .hasMessageContaining("not a Basic");
  }

  static String basic(String userColonPassword) {
    return "Basic " + encode(userColonPassword);
  }

  private static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
