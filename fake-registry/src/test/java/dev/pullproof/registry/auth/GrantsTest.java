package dev.pullproof.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GrantsTest {
  private final Grants grants =
      Grants.builder()
          .allow("alice", "library/*", "pull", "push")
          .allow("alice", "alice/app", "*")
          .allow(Grants.ANY_USER, "shared/*", "pull")
          .allowCatalog("admin")
          .publicRepository("public/*")
          .build();

  @Test
  void grantsTheIntersectionOfRequestedAndAllowedActions() {
    assertThat(granted("alice", "repository:library/app:pull,push,delete"))
        .isEqualTo("repository:library/app:pull,push");
  }

  @Test
  void partialGrantIsNotAnError() {
    assertThat(granted("bob", "repository:shared/x:pull,push"))
        .isEqualTo("repository:shared/x:pull");
  }

  @Test
  void noGrantYieldsAScopeWithoutActions() {
    Scope none = grants.granted("bob", Scope.parse("repository:library/app:pull"));

    assertThat(none.isEmpty()).isTrue();
    assertThat(none.name()).isEqualTo("library/app");
  }

  @Test
  void wildcardRuleGrantsEverythingRequested() {
    assertThat(granted("alice", "repository:alice/app:pull,push,delete"))
        .isEqualTo("repository:alice/app:delete,pull,push");
    assertThat(granted("alice", "repository:alice/app:*")).isEqualTo("repository:alice/app:*");
  }

  @Test
  void wildcardRequestNeedsAWildcardGrant() {
    assertThat(granted("alice", "repository:library/app:*")).isEqualTo("repository:library/app:");
  }

  @Test
  void globStarCrossesSlashes() {
    assertThat(granted("alice", "repository:library/a/b:pull"))
        .isEqualTo("repository:library/a/b:pull");
    assertThat(granted("alice", "repository:librar/app:pull")).isEqualTo("repository:librar/app:");
  }

  @Test
  void anyUserRuleSkipsAnonymousClients() {
    assertThat(granted(null, "repository:shared/x:pull")).isEqualTo("repository:shared/x:");
  }

  @Test
  void publicRepositoriesArePullableByAnyoneButNotPushable() {
    assertThat(granted(null, "repository:public/app:pull,push"))
        .isEqualTo("repository:public/app:pull");
    assertThat(granted("bob", "repository:public/app:pull,push"))
        .isEqualTo("repository:public/app:pull");
    assertThat(grants.isPublic("public/app")).isTrue();
    assertThat(grants.isPublic("library/app")).isFalse();
  }

  @Test
  void catalogNeedsItsOwnRule() {
    assertThat(granted("admin", "registry:catalog:*")).isEqualTo("registry:catalog:*");
    assertThat(granted("alice", "registry:catalog:*")).isEqualTo("registry:catalog:");
  }

  @Test
  void defaultsGiveAuthenticatedUsersEverythingAndAnonymousNothing() {
    Grants defaults = Grants.defaults();

    assertThat(defaults.granted("anyone", Scope.parse("repository:x/y:pull,push,delete")))
        .hasToString("repository:x/y:delete,pull,push");
    assertThat(defaults.granted("anyone", Scope.parse("registry:catalog:*")))
        .hasToString("registry:catalog:*");
    assertThat(defaults.granted(null, Scope.parse("repository:x/y:pull")).isEmpty()).isTrue();
  }

  @Test
  void publicRepositoriesAloneKeepTheDefaultsForUsers() {
    Grants onlyPublic = Grants.builder().publicRepository("library/*").build();

    assertThat(onlyPublic.granted(null, Scope.parse("repository:library/app:pull,push")))
        .hasToString("repository:library/app:pull");
    assertThat(onlyPublic.granted("bob", Scope.parse("repository:bob/app:push")))
        .hasToString("repository:bob/app:push");
  }

  @Test
  void rejectsUnknownActionsAndBadGlobs() {
    assertThatThrownBy(() -> Grants.builder().allow("alice", "app", "write"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("write");
    assertThatThrownBy(() -> Grants.builder().publicRepository("has space"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("glob");
  }

  private String granted(String subject, String scope) {
    return grants.granted(subject, Scope.parse(scope)).toString();
  }
}
