package dev.pullproof.registry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.content.PublishedImage;
import dev.pullproof.testing.Needs;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real crane (go-containerregistry) against the fake registry: digests, a copy that mounts blobs
 * across repositories, tag and catalog listings, and crane's own error for wrong credentials.
 */
@Needs(clients = "crane")
class CraneIT extends RegistryUnderTest {
  private final ClientTool crane = ClientTool.require("crane");

  @TempDir Path dockerConfig;

  @ParameterizedTest
  @EnumSource(AuthMode.class)
  void digestCopyListAndCatalog(AuthMode mode) throws Exception {
    registry = mode.start();
    PublishedImage image =
        publish("library/app", "1.0", ImageSpec.builder().layers(5000).multiArch().build());
    Map<String, String> env = login(mode, AuthMode.PASSWORD);

    ClientTool.Result digest =
        crane.run(env, TIMEOUT, "--insecure", "digest", ref("library/app:1.0"));
    assertThat(digest.exit()).as(digest.describe()).isZero();
    assertThat(digest.stdout().trim()).isEqualTo(image.digest().toString());

    ClientTool.Result copy =
        crane.run(env, TIMEOUT, "--insecure", "copy", ref("library/app:1.0"), ref("team/copy:2.0"));
    assertThat(copy.exit()).as(copy.describe()).isZero();
    assertThat(registry.journal().matching(e -> e.query().contains("mount=") && e.status() == 201))
        .as("blobs mounted from library/app instead of uploaded")
        .isNotEmpty();
    registry.journal().assertNotRequested("PATCH /v2/team/copy/blobs/uploads/*");

    ClientTool.Result tags = crane.run(env, TIMEOUT, "--insecure", "ls", ref("team/copy"));
    assertThat(tags.stdout().trim()).isEqualTo("2.0");
    ClientTool.Result catalog =
        crane.run(env, TIMEOUT, "--insecure", "catalog", registry.hostAndPort());
    assertThat(catalog.stdout().lines()).containsExactly("library/app", "team/copy");
    mode.assertAuthenticated(registry);
  }

  @ParameterizedTest
  @EnumSource(
      value = AuthMode.class,
      names = {"BASIC", "TOKEN"})
  void wrongPasswordFailsWithUnauthorized(AuthMode mode) throws Exception {
    registry = mode.start();
    publish("library/app", "1.0", ImageSpec.builder().layers(10).build());

    ClientTool.Result r =
        crane.run(login(mode, "wrong"), TIMEOUT, "--insecure", "digest", ref("library/app:1.0"));

    assertThat(r.exit()).as(r.describe()).isNotZero();
    assertThat(r.stderr()).contains("UNAUTHORIZED");
  }

  /** Credentials go where crane reads them: a private docker config.json. */
  private Map<String, String> login(AuthMode mode, String password) throws Exception {
    Map<String, String> env = Map.of("DOCKER_CONFIG", dockerConfig.toString());
    if (mode != AuthMode.ANONYMOUS) {
      ClientTool.Result r =
          crane.run(
              env,
              TIMEOUT,
              "auth",
              "login",
              registry.hostAndPort(),
              "-u",
              AuthMode.USER,
              "-p",
              password);
      assertThat(r.exit()).as(r.describe()).isZero();
    }
    return env;
  }
}
