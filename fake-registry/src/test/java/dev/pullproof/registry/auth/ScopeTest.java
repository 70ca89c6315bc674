package dev.pullproof.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.registry.protocol.RegistryException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {
  @Test
  void parsesTypeNameAndActions() {
    Scope scope = Scope.parse("repository:library/app:push,pull");

    assertThat(scope.type()).isEqualTo("repository");
    assertThat(scope.name()).isEqualTo("library/app");
    assertThat(scope.actions()).containsExactly("pull", "push");
  }

  @Test
  void formatsWithSortedActions() {
    assertThat(Scope.parse("repository:library/app:push,pull"))
        .hasToString("repository:library/app:pull,push");
    assertThat(Scope.parse("registry:catalog:*")).hasToString("registry:catalog:*");
  }

  @Test
  void nameMayContainAHostPort() {
    Scope scope = Scope.parse("repository:localhost:5000/library/app:pull");

    assertThat(scope.name()).isEqualTo("localhost:5000/library/app");
    assertThat(scope.actions()).containsExactly("pull");
  }

  @Test
  void typeMayCarryAResourceClass() {
    assertThat(Scope.parse("repository(plugin):vieux/sshfs:pull").type())
        .isEqualTo("repository(plugin)");
  }

  @Test
  void emptyActionsAreIgnoredAsTheGrammarAllows() {
    assertThat(Scope.parse("repository:app:pull,,push").actions()).containsExactly("pull", "push");
    assertThat(Scope.parse("repository:app:").isEmpty()).isTrue();
  }

  @Test
  void splitsSpaceSeparatedListsAndMergesTheSameResource() {
    List<Scope> scopes =
        Scope.parseList(" repository:a:pull  repository:b:push repository:a:delete ");

    assertThat(scopes)
        .extracting(Scope::toString)
        .containsExactly("repository:a:delete,pull", "repository:b:push");
  }

  @Test
  void emptyListIsNoScopes() {
    assertThat(Scope.parseList("")).isEmpty();
    assertThat(Scope.parseList(null)).isEmpty();
  }

  @Test
  void rejectsMalformedScopesWithADetailNamingTheProblem() {
    assertRejected("repository", "is not type:name:actions");
    assertRejected("repository:app", "is not type:name:actions");
    assertRejected("", "scope is empty");
    assertRejected("Repository:app:pull", "scope type 'Repository'");
    assertRejected("repository:Library/App:pull", "scope name 'Library/App'");
    assertRejected("repository::pull", "scope name ''");
    assertRejected("repository:app:PULL", "scope action 'PULL'");
    assertRejected("repository:app:pull;push", "scope action 'pull;push'");
  }

  @Test
  void malformedScopeIsABadRequest() {
    assertThatThrownBy(() -> Scope.parse("nonsense"))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void pathologicalNamesAreRejectedQuickly() {
    String name = "a".repeat(200) + "!";
    long start = System.nanoTime();

    assertThatThrownBy(() -> Scope.parse("repository:" + name + ":pull"))
        .isInstanceOf(RegistryException.class);
    assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
  }

  @Test
  void wildcardActionCoversEveryAction() {
    Scope all = Scope.parse("repository:app:*");

    assertThat(all.covers(new Access.Need("repository", "app", Set.of("pull", "push")))).isTrue();
    assertThat(all.covers(new Access.Need("repository", "other", Set.of("pull")))).isFalse();
    assertThat(
            Scope.parse("repository:app:pull")
                .covers(new Access.Need("repository", "app", Set.of("push"))))
        .isFalse();
  }

  @Test
  void convertsFromAccessNeed() {
    assertThat(Scope.of(new Access.Need("registry", "catalog", Set.of("*"))))
        .isEqualTo(Scope.parse("registry:catalog:*"));
  }

  private static void assertRejected(String text, String detail) {
    assertThatThrownBy(() -> Scope.parse(text))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.detail()).contains(detail));
  }
}
