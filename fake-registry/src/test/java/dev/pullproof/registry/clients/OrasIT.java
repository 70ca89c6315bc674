package dev.pullproof.registry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.content.PublishedImage;
import dev.pullproof.testing.Needs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real oras against the fake registry: manifest fetch, artifact push, and OCI 1.1 referrers. */
@Needs(clients = "oras")
class OrasIT extends RegistryUnderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ClientTool oras = ClientTool.require("oras");

  @TempDir Path work;

  @Test
  void fetchesTheManifestDescriptorOfAPublishedImage() throws Exception {
    registry = AuthMode.TOKEN.start();
    PublishedImage image = publish("library/app", "1.0", ImageSpec.builder().layers(100).build());

    ClientTool.Result r =
        oras.run(TIMEOUT, withCreds("manifest", "fetch", "--descriptor", ref("library/app:1.0")));

    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(JSON.readTree(r.stdout()).path("digest").asText())
        .isEqualTo(image.digest().toString());
  }

  @Test
  void pushAttachAndDiscoverUseTheReferrersApi() throws Exception {
    registry = AuthMode.BASIC.start();
    Path file = Files.writeString(work.resolve("note.txt"), "hello");
    ClientTool.Result push =
        oras.run(
            TIMEOUT,
            withCreds(
                "push",
                "--disable-path-validation",
                ref("art/x:v1"),
                file.toString() + ":text/plain"));
    assertThat(push.exit()).as(push.describe()).isZero();

    ClientTool.Result attach =
        oras.run(
            TIMEOUT,
            withCreds(
                "attach",
                "--disable-path-validation",
                "--artifact-type",
                "application/vnd.example.sig",
                ref("art/x:v1"),
                file.toString() + ":text/plain"));
    assertThat(attach.exit()).as(attach.describe()).isZero();

    ClientTool.Result discover =
        oras.run(TIMEOUT, withCreds("discover", "--format", "json", ref("art/x:v1")));
    assertThat(discover.exit()).as(discover.describe()).isZero();
    assertThat(discover.stdout()).contains("application/vnd.example.sig");
    registry.journal().assertRequested("GET /v2/art/x/referrers/* -> 200");
  }

  private String[] withCreds(String... args) {
    String[] all = new String[args.length + 5];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--plain-http";
    all[args.length + 1] = "-u";
    all[args.length + 2] = AuthMode.USER;
    all[args.length + 3] = "-p";
    all[args.length + 4] = AuthMode.PASSWORD;
    return all;
  }
}
