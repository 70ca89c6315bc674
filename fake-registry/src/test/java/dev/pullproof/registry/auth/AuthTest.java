package dev.pullproof.registry.auth;

import static dev.pullproof.registry.auth.Requests.exchange;
import static dev.pullproof.registry.auth.Requests.pull;
import static dev.pullproof.registry.auth.UsersTest.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pullproof.registry.protocol.Principal;
import dev.pullproof.registry.protocol.RegistryException;
import org.junit.jupiter.api.Test;

class AuthTest {
  @Test
  void noneAllowsEverythingAndHasNoTokenEndpoint() {
    Auth auth = Auth.none();

    assertThat(auth.authenticator()).isSameAs(Authenticator.NONE);
    assertThat(auth.authenticator().authenticate(exchange(null), pull("a/b")))
        .isEqualTo(Principal.ANONYMOUS);
    assertThat(auth.tokenEndpoint()).isEmpty();
  }

  @Test
  void basicUsesTheUsersAndRealm() {
    Auth auth = Auth.basic(Users.of("alice", "secret")).withBasicRealm("my realm");

    assertThat(auth.authenticator()).isInstanceOf(BasicAuthenticator.class);
    assertThat(
            auth.authenticator()
                .authenticate(exchange(basic("alice:secret")), pull("a/b"))
                .identity())
        .isEqualTo("alice");
    RegistryException e =
        catchThrowableOfType(
            RegistryException.class,
            () -> auth.authenticator().authenticate(exchange(null), pull("a/b")));
    assertThat(e.headers()).containsEntry("WWW-Authenticate", "Basic realm=\"my realm\"");
    assertThat(auth.tokenEndpoint()).isEmpty();
  }

  @Test
  void basicGrantsApply() {
    Auth auth =
        Auth.basic(
            Users.of("alice", "secret"), Grants.builder().allow("alice", "x/*", "pull").build());

    RegistryException e =
        catchThrowableOfType(
            RegistryException.class,
            () -> auth.authenticator().authenticate(exchange(basic("alice:secret")), pull("y/z")));

    assertThat(e.status()).isEqualTo(403);
  }

  @Test
  void tokenHasAnAuthenticatorAndAnEndpoint() {
    TokenService tokens = TokenService.builder().build();
    Auth auth = Auth.token(tokens, () -> "http://auth.test/token").withUsers(Users.of("a", "b"));

    assertThat(auth.authenticator()).isInstanceOf(TokenAuthenticator.class);
    assertThat(auth.tokenEndpoint()).containsInstanceOf(TokenEndpoint.class);
    assertThat(auth.tokenService()).contains(tokens);
    assertThat(auth.toString()).startsWith("Auth[token");
  }
}
