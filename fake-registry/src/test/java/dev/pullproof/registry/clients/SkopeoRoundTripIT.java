package dev.pullproof.registry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.content.ImportedLayout;
import dev.pullproof.registry.content.OciLayoutImporter;
import dev.pullproof.registry.content.PublishedImage;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.protocol.RepositoryName;
import dev.pullproof.testing.Needs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real skopeo against the fake registry in each auth mode: inspect, copy out to an OCI layout, copy
 * back in (a push), and wrong credentials failing with skopeo's own error.
 */
@Needs(clients = "skopeo")
class SkopeoRoundTripIT extends RegistryUnderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ClientTool skopeo = ClientTool.require("skopeo");

  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(AuthMode.class)
  void inspectReportsThePublishedDigest(AuthMode mode) throws Exception {
    registry = mode.start();
    PublishedImage image =
        publish("library/app", "1.0", ImageSpec.builder().layers(2048, 4096).build());

    ClientTool.Result r =
        skopeo.run(TIMEOUT, args(mode, "inspect", "docker://" + ref("library/app:1.0")));

    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(JSON.readTree(r.stdout()).path("Digest").asText())
        .isEqualTo(image.digest().toString());
    mode.assertAuthenticated(registry);
  }

  @ParameterizedTest
  @EnumSource(AuthMode.class)
  void copyOutToALayoutAndBackInKeepsEveryDigest(AuthMode mode) throws Exception {
    registry = mode.start();
    PublishedImage image =
        publish("library/multi", "2.0", ImageSpec.builder().layers(10_000).multiArch().build());
    Path layout = temp.resolve("layout");

    ClientTool.Result out =
        skopeo.run(
            TIMEOUT,
            args(
                mode,
                "copy",
                "--all",
                "--preserve-digests",
                "docker://" + ref("library/multi:2.0"),
                "oci:" + layout + ":2.0"));
    assertThat(out.exit()).as(out.describe()).isZero();

    ClientTool.Result in =
        skopeo.run(
            TIMEOUT,
            args(
                mode,
                "copy",
                "--all",
                "--preserve-digests",
                "oci:" + layout + ":2.0",
                "docker://" + ref("copies/multi:pushed")));
    assertThat(in.exit()).as(in.describe()).isZero();

    var pushed = registry.content().existing(RepositoryName.of("copies/multi")).orElseThrow();
    assertThat(pushed.tags()).containsExactly("pushed");
    assertThat(pushed.manifest(image.digest())).isPresent();
    registry.journal().assertRequested("PUT /v2/copies/multi/manifests/pushed -> 201");
    mode.assertAuthenticated(registry);

    // The layout skopeo wrote is a real producer's: the importer must read it to the same digests.
    try (FakeRegistry other = FakeRegistry.builder().start()) {
      ImportedLayout imported =
          new OciLayoutImporter(other.content())
              .importLayout(layout, RepositoryName.of("imported"));
      assertThat(imported.tags().get("2.0")).containsExactly(image.digest());
      assertThat(other.content().repository(RepositoryName.of("imported")).manifest(image.digest()))
          .isPresent();
    }
  }

  /** Wrong and missing credentials, on basic and token registries: skopeo's own auth error. */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> refusals() {
    List<String> wrong = List.of("--creds", AuthMode.USER + ":wrong");
    List<String> none = List.of("--no-creds");
    return java.util.stream.Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(AuthMode.BASIC, wrong),
        org.junit.jupiter.params.provider.Arguments.of(AuthMode.BASIC, none),
        org.junit.jupiter.params.provider.Arguments.of(AuthMode.TOKEN, wrong),
        org.junit.jupiter.params.provider.Arguments.of(AuthMode.TOKEN, none));
  }

  @ParameterizedTest(name = "{0} {1}")
  @org.junit.jupiter.params.provider.MethodSource("refusals")
  void badCredentialsFailWithTheClientsOwnAuthError(AuthMode mode, List<String> credentials)
      throws Exception {
    registry = mode.start();
    publish("library/app", "1.0", ImageSpec.builder().layers(100).build());
    List<String> command = new ArrayList<>(List.of("inspect", "--tls-verify=false"));
    command.addAll(credentials);
    command.add("docker://" + ref("library/app:1.0"));

    ClientTool.Result r = skopeo.run(TIMEOUT, command.toArray(String[]::new));

    assertThat(r.exit()).as(r.describe()).isNotZero();
    assertThat(r.stderr()).containsIgnoringCase("unauthorized");
    assertThat(registry.journal().all()).extracting(JournalEntry::status).contains(401);
    assertThat(registry.journal().all()).noneMatch(e -> e.path().contains("/blobs/"));
  }

  @org.junit.jupiter.api.Test
  void followsATokenRealmOnAnotherAddress() throws Exception {
    var realm = new java.util.concurrent.atomic.AtomicReference<String>();
    var auth =
        dev.pullproof.registry.auth.Auth.token(
                dev.pullproof.registry.auth.TokenService.builder().service("hub.test").build(),
                () -> realm.get() + "/token")
            .withUsers(dev.pullproof.registry.auth.Users.of(AuthMode.USER, AuthMode.PASSWORD));
    try (FakeRegistry tokenServer = FakeRegistry.builder().host("127.0.0.2").auth(auth).start()) {
      realm.set(tokenServer.url());
      registry = FakeRegistry.builder().auth(auth).start();
      PublishedImage image = publish("library/app", "1.0", ImageSpec.builder().layers(10).build());

      ClientTool.Result r =
          skopeo.run(
              TIMEOUT,
              "inspect",
              "--tls-verify=false",
              "--creds",
              AuthMode.USER + ":" + AuthMode.PASSWORD,
              "docker://" + ref("library/app:1.0"));

      assertThat(r.exit()).as(r.describe()).isZero();
      assertThat(JSON.readTree(r.stdout()).path("Digest").asText())
          .isEqualTo(image.digest().toString());
      tokenServer.journal().assertRequested("GET /token -> 200");
      assertThat(tokenServer.journal().all().get(0).client()).startsWith("127.0.0.1:");
      registry.journal().assertNotRequested("* /token");
      registry.journal().assertRequested("GET /v2/ -> 401");
    }
  }

  private static String[] args(AuthMode mode, String command, String... rest) {
    List<String> all = new ArrayList<>(List.of(command));
    boolean copy = command.equals("copy");
    all.add(copy ? "--src-tls-verify=false" : "--tls-verify=false");
    if (copy) {
      all.add("--dest-tls-verify=false");
    }
    all.addAll(mode.credentialArgs(copy));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }
}
