package dev.pullproof.helper.clients;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.protocol.RepositoryName;
import java.util.List;

/** Fake registries the clients pull from: basic or token auth, one small synthetic image. */
enum Registries {
  BASIC,
  TOKEN;

  static final String USER = "alice";
  static final String PASSWORD = "s3cret-pw";
  static final String IMAGE = "library/app:1.0";

  FakeRegistry start() {
    Users users = Users.of(USER, PASSWORD);
    FakeRegistry registry =
        this == BASIC
            ? FakeRegistry.builder().basicAuth(users).start()
            : FakeRegistry.builder()
                .tokenAuth(TokenService.builder().service("fake-registry").build(), users)
                .start();
    new ImagePublisher(registry.content())
        .publish(RepositoryName.of("library/app"), "1.0", ImageSpec.builder().layers(4096).build());
    return registry;
  }

  /** The scheme the registry's journal records when the client authenticated as {@link #USER}. */
  String scheme() {
    return this == BASIC ? "basic" : "bearer";
  }

  /**
   * A refresh token the registry's token service issued to {@link #USER} (GET with {@code
   * offline_token=true}): what a helper hands out as an identity token.
   */
  static String refreshToken(FakeRegistry registry) throws Exception {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                (USER + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            registry.url()
                                + "/token?service=fake-registry&offline_token=true&client_id=test"
                                + "&scope=repository:library/app:pull"))
                    .header("Authorization", "Basic " + basic)
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    String token =
        new dev.pullproof.helper.json.Json().read(response.body()).path("refresh_token").asText();
    if (response.statusCode() != 200 || token.isEmpty()) {
      throw new AssertionError(
          "no refresh token: " + response.statusCode() + " " + response.body());
    }
    // The journal records an exchange when it completes: wait for it before forgetting it.
    registry.journal().awaitQuiet(java.time.Duration.ofSeconds(5));
    registry.journal().clear();
    return token;
  }

  static List<String> identities(FakeRegistry registry, String scheme) {
    registry.journal().awaitQuiet(java.time.Duration.ofSeconds(5));
    return registry.journal().all().stream()
        .map(JournalEntry::principal)
        .filter(p -> p.scheme().equals(scheme))
        .map(p -> p.identity())
        .distinct()
        .toList();
  }
}
