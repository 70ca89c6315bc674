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
