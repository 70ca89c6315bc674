package dev.pullproof.registry.clients;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import java.util.List;

/** The three ways a registry can authenticate, with the client arguments that satisfy each. */
enum AuthMode {
  ANONYMOUS,
  BASIC,
  TOKEN;

  static final String USER = "alice";
  static final String PASSWORD = "s3cret-pw";

  FakeRegistry start() {
    var builder = FakeRegistry.builder();
    return switch (this) {
      case ANONYMOUS -> builder.start();
      case BASIC -> builder.basicAuth(Users.of(USER, PASSWORD)).start();
      case TOKEN ->
          builder
              .tokenAuth(
                  TokenService.builder().service("fake-registry").build(), Users.of(USER, PASSWORD))
              .start();
    };
  }

  List<String> credentialArgs(boolean copy) {
    if (this == ANONYMOUS) {
      return copy ? List.of("--src-no-creds", "--dest-no-creds") : List.of("--no-creds");
    }
    String creds = USER + ":" + PASSWORD;
    return copy ? List.of("--src-creds", creds, "--dest-creds", creds) : List.of("--creds", creds);
  }

  /** The journal shows who the client authenticated as, and never the secret. */
  void assertAuthenticated(FakeRegistry registry) {
    switch (this) {
      case ANONYMOUS -> registry.journal().assertNotRequested("* /token");
      case BASIC ->
          org.assertj.core.api.Assertions.assertThat(registry.journal().all())
              .anyMatch(
                  e ->
                      e.principal().scheme().equals("basic")
                          && e.principal().identity().equals(USER));
      case TOKEN -> {
        registry.journal().assertRequested("GET /token -> 200");
        org.assertj.core.api.Assertions.assertThat(registry.journal().all())
            .anyMatch(
                e ->
                    e.principal().scheme().equals("bearer")
                        && e.principal().identity().equals(USER));
      }
    }
    org.assertj.core.api.Assertions.assertThat(
            dev.pullproof.registry.journal.JournalJson.toJson(registry.journal().all()))
        .doesNotContain(PASSWORD);
  }
}
