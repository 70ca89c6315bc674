package dev.pullproof.registry.auth;

import static dev.pullproof.registry.auth.Requests.base;
import static dev.pullproof.registry.auth.Requests.exchange;
import static dev.pullproof.registry.auth.Requests.mount;
import static dev.pullproof.registry.auth.Requests.pull;
import static dev.pullproof.registry.auth.Requests.push;
import static dev.pullproof.registry.auth.UsersTest.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.Principal;
import dev.pullproof.registry.protocol.RegistryException;
import dev.pullproof.testing.ManualClock;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TokenAuthenticatorTest {
  private static final String REALM = "http://127.0.0.1:5000/token";
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T12:00:00Z"));
  private final TokenService tokens =
      TokenService.builder().service("registry.test").clock(clock).build();
  private final TokenAuthenticator auth =
      new TokenAuthenticator(tokens, () -> REALM, Grants.defaults());

  @Test
  void tokenCoveringTheNeedIsThePrincipal() {
    String token = token("alice", "repository:library/app:pull");
    HttpServerExchange exchange = exchange("Bearer " + token);

    Principal principal = auth.authenticate(exchange, pull("library/app"));

    assertThat(principal)
        .isEqualTo(new Principal("bearer", "alice", List.of("repository:library/app:pull")));
    assertThat(exchange.getAttachment(Exchanges.PRINCIPAL)).isEqualTo(principal);
  }

  @Test
  void missingTokenGetsThePlainChallengeWithTheNeededScope() {
    assertThat(challenge(null, pull("library/app")))
        .isEqualTo(
            "Bearer realm=\"http://127.0.0.1:5000/token\",service=\"registry.test\","
                + "scope=\"repository:library/app:pull\"");
  }

  @Test
  void basicCredentialsGetTheBearerChallenge() {
    assertThat(challenge(basic("alice:secret"), push("library/app")))
        .isEqualTo(
            "Bearer realm=\"http://127.0.0.1:5000/token\",service=\"registry.test\","
                + "scope=\"repository:library/app:pull,push\"");
  }

  @Test
  void versionCheckChallengeHasNoScope() {
    assertThat(challenge(null, base()))
        .isEqualTo("Bearer realm=\"http://127.0.0.1:5000/token\",service=\"registry.test\"");
  }

  @Test
  void severalNeedsShareOneSpaceSeparatedScope() {
    assertThat(challenge(null, mount("team/app", "library/base")))
        .isEqualTo(
            "Bearer realm=\"http://127.0.0.1:5000/token\",service=\"registry.test\","
                + "scope=\"repository:team/app:pull,push repository:library/base:pull\"");
  }

  @Test
  void badTokenIsAnInvalidTokenChallenge() {
    assertThat(challenge("Bearer garbage", pull("library/app")))
        .isEqualTo(
            "Bearer realm=\"http://127.0.0.1:5000/token\",service=\"registry.test\","
                + "scope=\"repository:library/app:pull\",error=\"invalid_token\"");
  }

  @Test
  void expiredTokenIsAnInvalidTokenChallenge() {
    String token = token("alice", "repository:library/app:pull");
    clock.advance(Duration.ofMinutes(5));

    RegistryException e = rejected("Bearer " + token, pull("library/app"));

    assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(e.headers().get("WWW-Authenticate")).endsWith(",error=\"invalid_token\"");
    assertThat(e.detail()).contains("expired");
  }

  @Test
  void tokenForAnotherServiceIsInvalid() {
    TokenService other = TokenService.builder().service("elsewhere").build();
    String token =
        other.issue("alice", List.of(Scope.parse("repository:library/app:pull"))).token();

    assertThat(challenge("Bearer " + token, pull("library/app")))
        .endsWith(",error=\"invalid_token\"");
  }

  @Test
  void tokenLackingScopeIsAnInsufficientScopeChallengeStill401() {
    String token = token("alice", "repository:library/app:pull");
    HttpServerExchange exchange = exchange("Bearer " + token);

    RegistryException e =
        catchThrowableOfType(
            RegistryException.class, () -> auth.authenticate(exchange, push("library/app")));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(e.headers().get("WWW-Authenticate"))
        .isEqualTo(
            "Bearer realm=\"http://127.0.0.1:5000/token\",service=\"registry.test\","
                + "scope=\"repository:library/app:pull,push\",error=\"insufficient_scope\"");
    assertThat(exchange.getAttachment(Exchanges.PRINCIPAL).identity()).isEqualTo("alice");
  }

  @Test
  void everyNeedMustBeCovered() {
    String token = token("alice", "repository:team/app:pull,push");

    assertThat(challenge("Bearer " + token, mount("team/app", "library/base")))
        .endsWith(",error=\"insufficient_scope\"");
  }

  @Test
  void wildcardAccessCoversEveryAction() {
    String token = token("alice", "repository:library/app:*");

    assertThat(auth.authenticate(exchange("Bearer " + token), push("library/app")).identity())
        .isEqualTo("alice");
  }

  @Test
  void anyValidTokenPassesTheVersionCheck() {
    Principal principal = auth.authenticate(exchange("Bearer " + token(null)), base());

    assertThat(principal).isEqualTo(new Principal("bearer", "anonymous", List.of()));
  }

  @Test
  void bearerSchemeIsCaseInsensitive() {
    String token = token("alice", "repository:library/app:pull");

    assertThat(auth.authenticate(exchange("bearer " + token), pull("library/app")).identity())
        .isEqualTo("alice");
  }

  @Test
  void realmIsReadAtChallengeTime() {
    AtomicReference<String> realm = new AtomicReference<>("http://not-started");
    TokenAuthenticator late = new TokenAuthenticator(tokens, realm::get, Grants.defaults());
    realm.set("http://127.0.0.1:41234/token");

    RegistryException e =
        catchThrowableOfType(
            RegistryException.class, () -> late.authenticate(exchange(null), base()));

    assertThat(e.headers().get("WWW-Authenticate"))
        .startsWith("Bearer realm=\"http://127.0.0.1:41234/token\"");
  }

  private String token(String subject, String... scopes) {
    return tokens.issue(subject, List.of(scopes).stream().map(Scope::parse).toList()).token();
  }

  private String challenge(String authorization, Access access) {
    RegistryException e = rejected(authorization, access);
    assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(e.status()).isEqualTo(401);
    return e.headers().get("WWW-Authenticate");
  }

  private RegistryException rejected(String authorization, Access access) {
    return catchThrowableOfType(
        RegistryException.class, () -> auth.authenticate(exchange(authorization), access));
  }
}
