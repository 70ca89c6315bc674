package dev.pullproof.registry.auth;

import static dev.pullproof.registry.auth.Requests.base;
import static dev.pullproof.registry.auth.Requests.exchange;
import static dev.pullproof.registry.auth.Requests.pull;
import static dev.pullproof.registry.auth.Requests.push;
import static dev.pullproof.registry.auth.UsersTest.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.Principal;
import dev.pullproof.registry.protocol.RegistryException;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicAuthenticatorTest {
  private final BasicAuthenticator auth =
      new BasicAuthenticator(
          "pullproof test",
          Users.of(Map.of("alice", "secret", "bob", "pw")),
          Grants.builder()
              .allow("alice", "*", "pull", "push")
              .allow("bob", "bob/*", "pull")
              .publicRepository("library/*")
              .build());

  @Test
  void knownUserWithTheGrantIsThePrincipal() {
    HttpServerExchange exchange = exchange(basic("alice:secret"));

    Principal principal = auth.authenticate(exchange, push("team/app"));

    assertThat(principal)
        .isEqualTo(new Principal("basic", "alice", List.of("repository:team/app:pull,push")));
    assertThat(exchange.getAttachment(Exchanges.PRINCIPAL)).isEqualTo(principal);
  }

  @Test
  void missingCredentialsAreChallenged() {
    RegistryException e = rejected(null, pull("team/app"));

    assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.headers())
        .containsExactly(Map.entry("WWW-Authenticate", "Basic realm=\"pullproof test\""));
  }

  @Test
  void wrongPasswordIsChallengedWithoutSayingWhichPart() {
    RegistryException e = rejected(basic("alice:wrong"), pull("team/app"));

    assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(e.headers()).containsEntry("WWW-Authenticate", "Basic realm=\"pullproof test\"");
    assertThat(e.detail()).doesNotContain("wrong");
  }

  @Test
  void unknownUserAndMalformedHeadersAreChallenged() {
    assertThat(rejected(basic("carol:secret"), pull("team/app")).status()).isEqualTo(401);
    assertThat(rejected("Basic %%%", pull("team/app")).status()).isEqualTo(401);
    assertThat(rejected("Bearer abc", pull("team/app")).headers())
        .containsEntry("WWW-Authenticate", "Basic realm=\"pullproof test\"");
  }

  @Test
  void authenticatedButNotGrantedIsDenied() {
    HttpServerExchange exchange = exchange(basic("bob:pw"));

    RegistryException e =
        catchThrowableOfType(
            RegistryException.class, () -> auth.authenticate(exchange, push("bob/app")));

    assertThat(e.code()).isEqualTo(ErrorCode.DENIED);
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.headers()).isEmpty();
    assertThat(exchange.getAttachment(Exchanges.PRINCIPAL).identity()).isEqualTo("bob");
  }

  @Test
  void publicRepositoriesPullAnonymously() {
    HttpServerExchange exchange = exchange(null);

    Principal principal = auth.authenticate(exchange, pull("library/app"));

    assertThat(principal.identity()).isEqualTo("anonymous");
    assertThat(principal.scheme()).isEqualTo("none");
    assertThat(exchange.getAttachment(Exchanges.PRINCIPAL)).isEqualTo(principal);
  }

  @Test
  void publicRepositoriesDoNotPushAnonymously() {
    assertThat(rejected(null, push("library/app")).status()).isEqualTo(401);
  }

  @Test
  void versionCheckAlwaysWantsCredentials() {
    assertThat(rejected(null, base()).status()).isEqualTo(401);
    assertThat(auth.authenticate(exchange(basic("bob:pw")), base()).identity()).isEqualTo("bob");
  }

  private RegistryException rejected(String authorization, Access access) {
    return catchThrowableOfType(
        RegistryException.class, () -> auth.authenticate(exchange(authorization), access));
  }
}
