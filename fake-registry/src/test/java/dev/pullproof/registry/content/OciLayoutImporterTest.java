package dev.pullproof.registry.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.registry.protocol.AcceptHeader;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.MediaTypes;
import dev.pullproof.registry.protocol.Reference;
import dev.pullproof.registry.protocol.RepositoryName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutImporterTest {
  private static final RepositoryName SOURCE = RepositoryName.of("source/app");
  private static final RepositoryName TARGET = RepositoryName.of("imported/app");

  @TempDir Path tmp;
  private RegistryContent source;
  private RegistryContent target;
  private PublishedImage image;

  @BeforeEach
  void publish() {
    source = new RegistryContent(new BlobStore(tmp.resolve("source-store")));
    target = new RegistryContent(new BlobStore(tmp.resolve("target-store")));
    ImageSpec spec =
        ImageSpec.builder()
            .seed(3)
            .layers(4096, 20_000)
            .multiArch()
            .format(ImageFormat.BOTH)
            .build();
    image = new ImagePublisher(source).publish(SOURCE, "v1", spec);
  }

  @AfterEach
  void close() {
    source.close();
    target.close();
  }

  private Path layout() throws IOException {
    return new OciLayoutFixture(tmp.resolve("layout"))
        .add(source, image, ManifestFlavor.OCI, "v1")
        .add(source, image, ManifestFlavor.DOCKER, "v1")
        .write();
  }

  private Path singleEntryLayout(String refName) throws IOException {
    return new OciLayoutFixture(tmp.resolve("single"))
        .add(source, image, ManifestFlavor.OCI, refName)
        .write();
  }

  private ImportedLayout importInto(Path layout) {
    return new OciLayoutImporter(target).importLayout(layout, TARGET);
  }

  @Test
  void publishedImageSurvivesARoundTripWithItsDigestsAndTag() throws IOException {
    ImportedLayout imported = importInto(layout());

    Digest oci = image.representation(ManifestFlavor.OCI).manifest().digest();
    Digest docker = image.representation(ManifestFlavor.DOCKER).manifest().digest();
    assertThat(imported.manifests()).extracting(Descriptor::digest).containsExactly(oci, docker);
    assertThat(imported.tags()).containsExactly(java.util.Map.entry("v1", List.of(oci, docker)));
    Repository repo = target.repository(TARGET);
    Reference v1 = Reference.parse("v1");
    assertThat(repo.resolve(v1, accept(MediaTypes.OCI_INDEX)).digest()).isEqualTo(oci);
    assertThat(repo.resolve(v1, accept(MediaTypes.DOCKER_LIST)).digest()).isEqualTo(docker);
    for (PublishedImage.Representation r : image.representations()) {
      for (PublishedImage.PlatformImage p : r.platforms()) {
        assertThat(repo.manifest(p.manifest().digest())).isPresent();
        assertThat(repo.hasBlob(p.config().digest())).isTrue();
        for (Descriptor layer : p.layers()) {
          assertThat(repo.hasBlob(layer.digest())).isTrue();
          assertThat(target.blobs().read(layer.digest()))
              .isEqualTo(source.blobs().read(layer.digest()));
        }
      }
    }
  }

  @Test
  void entryWithoutRefNameIsStoredByDigestOnly() throws IOException {
    ImportedLayout imported = importInto(singleEntryLayout(null));

    assertThat(imported.tags()).isEmpty();
    assertThat(target.repository(TARGET).tags()).isEmpty();
    assertThat(target.repository(TARGET).manifest(image.digest())).isPresent();
  }

  @Test
  void explicitTagNamesTheOnlyEntry() throws IOException {
    new OciLayoutImporter(target).importLayout(singleEntryLayout("ignored"), TARGET, "chosen");

    assertThat(target.repository(TARGET).tags()).containsExactly("chosen");
  }

  @Test
  void explicitTagIsRefusedForSeveralEntries() throws IOException {
    Path layout = layout();

    assertThatThrownBy(() -> new OciLayoutImporter(target).importLayout(layout, TARGET, "x"))
        .isInstanceOf(InvalidOciLayoutException.class)
        .hasMessageContaining("index.json")
        .hasMessageContaining("2 manifests");
  }

  @Test
  void missingOciLayoutFileIsNamed() throws IOException {
    Path layout = layout();
    Files.delete(layout.resolve("oci-layout"));

    assertThatThrownBy(() -> importInto(layout))
        .isInstanceOf(InvalidOciLayoutException.class)
        .hasMessageContaining(layout.resolve("oci-layout").toString())
        .hasMessageContaining("missing")
        .hasMessageContaining("imageLayoutVersion");
  }

  @Test
  void unsupportedLayoutVersionIsNamed() throws IOException {
    Path layout = layout();
    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"2.0.0\"}");

    assertThatThrownBy(() -> importInto(layout))
        .hasMessageContaining("oci-layout")
        .hasMessageContaining("2.0.0");
  }

  @Test
  void badJsonInIndexIsNamed() throws IOException {
    Path layout = layout();
    Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\": 2, \"manifests\": [");

    assertThatThrownBy(() -> importInto(layout))
        .isInstanceOf(InvalidOciLayoutException.class)
        .hasMessageContaining(layout.resolve("index.json").toString())
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void indexWithoutManifestsArrayIsNamed() throws IOException {
    Path layout = layout();
    Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\": 2}");

    assertThatThrownBy(() -> importInto(layout))
        .hasMessageContaining("index.json")
        .hasMessageContaining("manifests array");
  }

  @Test
  void layerWhoseContentDoesNotMatchItsNameIsNamedAndNotStored() throws IOException {
    Path layout = layout();
    Descriptor layer = image.representations().get(0).platforms().get(0).layers().get(1);
    Path file = layout.resolve("blobs/sha256/" + layer.digest().hex());
    byte[] corrupt = Files.readAllBytes(file);
    corrupt[corrupt.length / 2] ^= 1;
    Files.write(file, corrupt);

    assertThatThrownBy(() -> importInto(layout))
        .isInstanceOf(InvalidOciLayoutException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("hashes to");
    assertThat(target.blobs().contains(layer.digest())).isFalse();
    assertThat(target.blobs().contains(Digest.sha256(corrupt))).isFalse();
  }

  @Test
  void missingLayerIsNamedWithTheManifestReferencingIt() throws IOException {
    Path layout = layout();
    PublishedImage.PlatformImage amd64 = image.representations().get(0).platforms().get(0);
    Path file = layout.resolve("blobs/sha256/" + amd64.layers().get(0).digest().hex());
    Files.delete(file);

    assertThatThrownBy(() -> importInto(layout))
        .isInstanceOf(InvalidOciLayoutException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("missing")
        .hasMessageContaining(amd64.manifest().digest().hex());
  }

  @Test
  void missingTopLevelManifestIsNamedWithIndexJson() throws IOException {
    Path layout = singleEntryLayout("v1");
    Files.delete(layout.resolve("blobs/sha256/" + image.digest().hex()));

    assertThatThrownBy(() -> importInto(layout))
        .hasMessageContaining(image.digest().hex())
        .hasMessageContaining("index.json");
  }

  @Test
  void sizeDisagreeingWithTheDescriptorIsNamed() throws IOException {
    Path layout = singleEntryLayout("v1");
    Descriptor config = image.representations().get(0).platforms().get(1).config();
    Path file = layout.resolve("blobs/sha256/" + config.digest().hex());
    Files.write(file, new byte[] {'{', '}'});

    assertThatThrownBy(() -> importInto(layout))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("is 2 bytes but");
  }

  @Test
  void blobThatIsNoManifestIsNamed() throws IOException {
    byte[] notAManifest = "{\"schemaVersion\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Digest digest = Digest.sha256(notAManifest);
    Path layout = tmp.resolve("odd");
    Files.createDirectories(layout.resolve("blobs/sha256"));
    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.write(layout.resolve("blobs/sha256/" + digest.hex()), notAManifest);
    Files.writeString(
        layout.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\""
            + MediaTypes.OCI_MANIFEST
            + "\",\"digest\":\""
            + digest
            + "\",\"size\":"
            + notAManifest.length
            + "}]}");

    assertThatThrownBy(() -> importInto(layout))
        .isInstanceOf(InvalidOciLayoutException.class)
        .hasMessageContaining(digest.hex())
        .hasMessageContaining("not a valid manifest");
  }

  @Test
  void badDescriptorDigestIsNamed() throws IOException {
    Path layout = tmp.resolve("bad-digest");
    Files.createDirectories(layout);
    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(
        layout.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"x\",\"digest\":\"md5:00\",\"size\":1}]}");

    assertThatThrownBy(() -> importInto(layout))
        .hasMessageContaining("index.json")
        .hasMessageContaining("manifests[0]")
        .hasMessageContaining("md5:00");
  }

  @Test
  void directoryThatDoesNotExistIsNamed() {
    Path nowhere = tmp.resolve("nowhere");

    assertThatThrownBy(() -> importInto(nowhere))
        .isInstanceOf(InvalidOciLayoutException.class)
        .hasMessageContaining(nowhere.toString())
        .hasMessageContaining("not a directory");
  }

  @Test
  void invalidRefNameIsNamed() throws IOException {
    Path layout = singleEntryLayout("docker.io/library/app:v1");

    assertThatThrownBy(() -> importInto(layout))
        .hasMessageContaining("index.json")
        .hasMessageContaining("not a valid tag");
  }

  @Test
  void blobsAlreadyInTheStoreAreLinkedNotCopied() throws IOException {
    Path layout = singleEntryLayout("v1");
    new OciLayoutImporter(target).importLayout(layout, TARGET);
    RepositoryName second = RepositoryName.of("second/app");

    new OciLayoutImporter(target).importLayout(layout, second);

    Descriptor layer = image.representations().get(0).platforms().get(0).layers().get(0);
    assertThat(target.repository(second).hasBlob(layer.digest())).isTrue();
    assertThat(target.repository(second).tags()).containsExactly("v1");
  }

  private static AcceptHeader accept(String... types) {
    return AcceptHeader.parse(List.of(types));
  }
}
