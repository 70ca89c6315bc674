package dev.pullproof.registry.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.junit.FakeRegistryTest.AuthMode;
import dev.pullproof.registry.junit.FakeRegistryTest.Image;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@FakeRegistryTest(
    images =
        @Image(
            repository = "library/app",
            tag = "1.0",
            layers = {512, 2048}))
class FakeRegistryTestAnnotationTest {
  private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  private final FakeRegistry fromConstructor;

  FakeRegistryTestAnnotationTest(FakeRegistry fromConstructor) {
    this.fromConstructor = fromConstructor;
  }

  @Test
  void injectsAStartedLoopbackRegistryServingTheAnnotatedImage(FakeRegistry registry)
      throws Exception {
    assertThat(registry.url()).startsWith("http://127.0.0.1:");
    assertThat(Http.get(registry.url() + "/v2/").statusCode()).isEqualTo(200);

    HttpResponse<String> manifest =
        Http.get(registry.url() + "/v2/library/app/manifests/1.0", "Accept", OCI_MANIFEST);

    assertThat(manifest.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(manifest.body()).path("layers").size()).isEqualTo(2);
    registry.journal().assertRequested("GET /v2/library/app/manifests/1.0 -> 200");
  }

  @Test
  void givesTheConstructorAndTheMethodTheSameRegistry(FakeRegistry registry) {
    assertThat(registry).isSameAs(fromConstructor);
  }

  @Test
  @FakeRegistryTest(auth = AuthMode.BASIC, users = "alice:s3cret")
  void basicAuthChallengesStrangersAndAdmitsItsUser(FakeRegistry registry) throws Exception {
    HttpResponse<String> anonymous = Http.get(registry.url() + "/v2/");
    HttpResponse<String> wrong =
        Http.get(registry.url() + "/v2/", "Authorization", Http.basic("alice", "nope"));
    HttpResponse<String> alice =
        Http.get(registry.url() + "/v2/", "Authorization", Http.basic("alice", "s3cret"));

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic "));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(alice.statusCode()).isEqualTo(200);
    // A method's own annotation replaces the class's: its registry has no images.
    assertThat(registry.content().repositoryNames()).isEmpty();
  }

  @Test
  @FakeRegistryTest(auth = AuthMode.TOKEN, users = "alice:s3cret")
  void tokenAuthSendsClientsToItsOwnTokenEndpoint(FakeRegistry registry) throws Exception {
    HttpResponse<String> anonymous = Http.get(registry.url() + "/v2/");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    String challenge = anonymous.headers().firstValue("WWW-Authenticate").orElseThrow();
    Matcher realm =
        Pattern.compile("Bearer realm=\"([^\"]+)\",service=\"([^\"]+)\"").matcher(challenge);
    assertThat(realm.find()).as(challenge).isTrue();
    assertThat(realm.group(1)).isEqualTo(registry.url() + "/token");

    HttpResponse<String> issued =
        Http.get(
            realm.group(1) + "?service=" + realm.group(2),
            "Authorization",
            Http.basic("alice", "s3cret"));
    assertThat(issued.statusCode()).isEqualTo(200);
    String token = new ObjectMapper().readTree(issued.body()).path("token").asText();
    HttpResponse<String> withToken =
        Http.get(registry.url() + "/v2/", "Authorization", "Bearer " + token);

    assertThat(withToken.statusCode()).isEqualTo(200);
    registry.journal().assertRequested("GET /token -> 200");
  }

  @Test
  void refusesUsersWithoutAnAuthMode() throws Exception {
    FakeRegistryTest config =
        getClass().getDeclaredMethod("usersWithoutAuth").getAnnotation(FakeRegistryTest.class);

    assertThatThrownBy(() -> AnnotationConfig.start(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("users need auth BASIC or TOKEN");
  }

  @Test
  void refusesUsersThatAreNotNameColonPassword() throws Exception {
    FakeRegistryTest config =
        getClass().getDeclaredMethod("malformedUser").getAnnotation(FakeRegistryTest.class);

    assertThatThrownBy(() -> AnnotationConfig.start(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name:password, was 'alice'");
  }

  @FakeRegistryTest(users = "alice:s3cret")
  private void usersWithoutAuth() {}

  @FakeRegistryTest(auth = AuthMode.BASIC, users = "alice")
  private void malformedUser() {}
}
