package dev.pullproof.registry.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.auth.Users;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When registries start and stop: the nested classes record what they were given, later tests and
 * this class's {@code @AfterAll} check the ports of earlier ones no longer accept connections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtensionLifecycleTest {
  private final List<FakeRegistry> perTest = new ArrayList<>();
  private final List<FakeRegistry> perClass = new ArrayList<>();

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  @FakeRegistryTest
  class AnnotatedPerTest {
    @Test
    @Order(1)
    void servesDuringTheTest(FakeRegistry registry) throws Exception {
      assertThat(Http.accepts(registry.port())).isTrue();
      perTest.add(registry);
    }

    @Test
    @Order(2)
    void closesTheRegistryOfTheTestBefore(FakeRegistry registry) throws Exception {
      FakeRegistry previous = perTest.get(0);

      assertThat(registry).isNotSameAs(previous);
      assertThat(Http.accepts(previous.port())).isFalse();
    }
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class BuiltPerTest {
    @RegisterExtension
    final FakeRegistryExtension extension =
        FakeRegistryExtension.perTest(FakeRegistry.builder().basicAuth(Users.of("bob", "pw")));

    private final List<FakeRegistry> seen = new ArrayList<>();

    @Test
    @Order(1)
    void startsFromTheBuilder(FakeRegistry registry) throws Exception {
      assertThat(Http.get(registry.url() + "/v2/").statusCode()).isEqualTo(401);
      assertThat(Http.get(registry.url() + "/v2/", "Authorization", Http.basic("bob", "pw")))
          .returns(200, r -> r.statusCode());
      perTest.add(registry);
    }

    @Test
    @Order(2)
    void startsAFreshOneForTheNextTest(FakeRegistry registry) throws Exception {
      FakeRegistry previous = perTest.get(perTest.size() - 1);

      assertThat(registry).isNotSameAs(previous);
      assertThat(registry.journal().all()).isEmpty();
      assertThat(Http.accepts(previous.port())).isFalse();
    }
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class BuiltPerClass {
    @RegisterExtension
    static final FakeRegistryExtension EXTENSION =
        FakeRegistryExtension.perClass(FakeRegistry.builder());

    @Test
    @Order(1)
    void servesTheFirstTest(FakeRegistry registry) throws Exception {
      assertThat(Http.get(registry.url() + "/v2/").statusCode()).isEqualTo(200);
      perClass.add(registry);
    }

    @Test
    @Order(2)
    void sharesTheRegistryWithTheNextTest(FakeRegistry registry) throws Exception {
      assertThat(registry).isSameAs(perClass.get(0));
      registry.journal().assertRequested("GET /v2/ -> 200", 1); // the first test's request
      assertThat(Http.accepts(registry.port())).isTrue();
    }
  }

  @Nested
  @FakeRegistryTest
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class AnnotatedFromBeforeAll {
    private FakeRegistry fromBeforeAll;

    @BeforeAll
    void keep(FakeRegistry registry) {
      fromBeforeAll = registry;
    }

    @Test
    void givesTestsTheRegistryOfBeforeAll(FakeRegistry registry) throws Exception {
      assertThat(registry).isSameAs(fromBeforeAll);
      assertThat(Http.accepts(registry.port())).isTrue();
    }
  }

  @AfterAll
  void closesThePerClassRegistryAfterItsClass() throws Exception {
    assertThat(perClass).hasSize(1);
    assertThat(Http.accepts(perClass.get(0).port())).isFalse();
  }
}
