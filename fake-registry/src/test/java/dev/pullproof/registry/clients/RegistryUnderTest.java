package dev.pullproof.registry.clients;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.content.PublishedImage;
import dev.pullproof.registry.protocol.RepositoryName;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** What every real-client test shares: one registry per test, closed after it, and references. */
abstract class RegistryUnderTest {
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  FakeRegistry registry;

  @AfterEach
  void closeRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  PublishedImage publish(String repository, String tag, ImageSpec spec) {
    return new ImagePublisher(registry.content()).publish(RepositoryName.of(repository), tag, spec);
  }

  /** {@code host:port/name:tag}, as clients take it. */
  String ref(String nameAndTag) {
    return registry.hostAndPort() + "/" + nameAndTag;
  }
}
