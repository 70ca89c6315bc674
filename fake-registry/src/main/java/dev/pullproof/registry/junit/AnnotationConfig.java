package dev.pullproof.registry.junit;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.FakeRegistryBuilder;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.protocol.RepositoryName;

/** Turns a {@link FakeRegistryTest} into a started registry: builder settings, then images. */
final class AnnotationConfig {
  private AnnotationConfig() {}

  static FakeRegistry start(FakeRegistryTest config) {
    FakeRegistryBuilder builder = FakeRegistry.builder();
    Users users = users(config.users());
    switch (config.auth()) {
      case BASIC:
        builder.basicAuth(requireSome(users, config.auth()));
        break;
      case TOKEN:
        builder.tokenAuth(TokenService.builder().build(), requireSome(users, config.auth()));
        break;
      default:
        if (!users.usernames().isEmpty()) {
          throw new IllegalArgumentException(
              "@FakeRegistryTest users need auth BASIC or TOKEN, but auth is NONE");
        }
    }
    FakeRegistry registry = builder.start();
    try {
      ImagePublisher publisher = new ImagePublisher(registry.content());
      for (FakeRegistryTest.Image image : config.images()) {
        publisher.publish(
            RepositoryName.of(image.repository()),
            image.tag(),
            ImageSpec.builder().layers(image.layers()).build());
      }
      return registry;
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
  }

  private static Users users(String[] entries) {
    Users users = Users.none();
    for (String entry : entries) {
      int colon = entry.indexOf(':');
      if (colon <= 0 || colon == entry.length() - 1) {
        throw new IllegalArgumentException(
            "@FakeRegistryTest users entries must look like name:password, was '" + entry + "'");
      }
      users = users.with(entry.substring(0, colon), entry.substring(colon + 1));
    }
    return users;
  }

  private static Users requireSome(Users users, FakeRegistryTest.AuthMode mode) {
    if (users.usernames().isEmpty()) {
      throw new IllegalArgumentException(
          "@FakeRegistryTest auth " + mode + " needs users, e.g. users = \"alice:s3cret\"");
    }
    return users;
  }
}
