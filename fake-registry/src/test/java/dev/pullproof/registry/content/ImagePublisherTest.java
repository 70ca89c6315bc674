package dev.pullproof.registry.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.protocol.AcceptHeader;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.MediaTypes;
import dev.pullproof.registry.protocol.Reference;
import dev.pullproof.registry.protocol.RepositoryName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePublisherTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RepositoryName REPO = RepositoryName.of("library/app");

  @TempDir Path tmp;
  private final List<RegistryContent> opened = new ArrayList<>();
  private RegistryContent content;
  private ImagePublisher publisher;

  @BeforeEach
  void open() {
    content = fresh("main");
    publisher = new ImagePublisher(content);
  }

  @AfterEach
  void close() {
    opened.forEach(RegistryContent::close);
  }

  private RegistryContent fresh(String name) {
    RegistryContent c = new RegistryContent(new BlobStore(tmp.resolve(name)));
    opened.add(c);
    return c;
  }

  private static ImageSpec.Builder small() {
    return ImageSpec.builder().name("app").seed(1).layers(2048, 10_000);
  }

  private JsonNode json(byte[] bytes) throws IOException {
    return JSON.readTree(bytes);
  }

  private StoredManifest manifest(Digest digest) {
    return content.repository(REPO).manifest(digest).orElseThrow();
  }

  @Test
  void sameSpecGivesByteIdenticalBlobsInAnotherStore() {
    ImageSpec spec = small().multiArch().format(ImageFormat.BOTH).build();
    PublishedImage first = publisher.publish(REPO, "v1", spec);

    RegistryContent other = fresh("other");
    PublishedImage second = new ImagePublisher(other).publish(REPO, "v1", spec);

    assertThat(second).isEqualTo(first);
    PublishedImage.PlatformImage arm =
        first.representations().get(0).platform(Platform.LINUX_ARM64);
    assertThat(other.blobs().read(arm.config().digest()))
        .isEqualTo(content.blobs().read(arm.config().digest()));
    assertThat(other.blobs().read(arm.layers().get(1).digest()))
        .isEqualTo(content.blobs().read(arm.layers().get(1).digest()));
  }

  @Test
  void anotherSeedGivesOtherLayersConfigAndManifest() {
    PublishedImage one = publisher.publish(REPO, "one", small().build());
    PublishedImage two = publisher.publish(REPO, "two", small().seed(2).build());

    PublishedImage.PlatformImage a = one.representations().get(0).platforms().get(0);
    PublishedImage.PlatformImage b = two.representations().get(0).platforms().get(0);
    assertThat(b.layers()).doesNotContainAnyElementsOf(a.layers());
    assertThat(b.diffIds()).doesNotContainAnyElementsOf(a.diffIds());
    assertThat(b.config()).isNotEqualTo(a.config());
    assertThat(two.digest()).isNotEqualTo(one.digest());
  }

  @Test
  void manifestReferencesTheExactDigestsAndSizesOfStoredLinkedBlobs() throws IOException {
    PublishedImage image = publisher.publish(REPO, "v1", small().build());

    StoredManifest stored = manifest(image.digest());
    assertThat(stored.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    JsonNode root = json(stored.content());
    List<JsonNode> descriptors = new ArrayList<>();
    descriptors.add(root.get("config"));
    root.get("layers").forEach(descriptors::add);
    assertThat(descriptors).hasSize(3);
    for (JsonNode d : descriptors) {
      Digest digest = Digest.parse(d.get("digest").asText());
      assertThat(content.blobs().contains(digest)).isTrue();
      assertThat(content.repository(REPO).hasBlob(digest)).isTrue();
      assertThat(d.get("size").asLong()).isEqualTo(content.blobs().size(digest));
    }
    assertThat(root.get("config").get("mediaType").asText()).isEqualTo(MediaTypes.OCI_CONFIG);
    assertThat(root.get("layers").get(0).get("mediaType").asText())
        .isEqualTo(MediaTypes.OCI_LAYER_GZIP);
    Descriptor top = image.representations().get(0).manifest();
    assertThat(top.size()).isEqualTo(stored.content().length);
    assertThat(content.repository(REPO).tags()).containsExactly("v1");
  }

  @Test
  void configNamesPlatformDiffIdsHistoryAndProcess() throws IOException {
    ImageSpec spec =
        small().platform(Platform.LINUX_ARM64).entrypoint("/app").cmd("--serve").build();
    PublishedImage.PlatformImage image =
        publisher.publish(REPO, "v1", spec).representations().get(0).platforms().get(0);

    JsonNode config = json(content.blobs().read(image.config().digest()));

    assertThat(config.get("architecture").asText()).isEqualTo("arm64");
    assertThat(config.get("os").asText()).isEqualTo("linux");
    assertThat(config.get("created").asText()).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(config.at("/rootfs/type").asText()).isEqualTo("layers");
    assertThat(config.at("/rootfs/diff_ids"))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(image.diffIds().stream().map(Digest::toString).toList());
    assertThat(config.get("history")).hasSize(2);
    assertThat(config.at("/config/Entrypoint/0").asText()).isEqualTo("/app");
    assertThat(config.at("/config/Cmd/0").asText()).isEqualTo("--serve");
    assertThat(config.at("/config/Env/0").asText()).startsWith("PATH=");
  }

  @Test
  void ociMultiArchIndexListsBothPlatformsWithTheirManifestDigestsAndSizes() throws IOException {
    PublishedImage image = publisher.publish(REPO, "multi", small().multiArch().build());

    PublishedImage.Representation oci = image.representation(ManifestFlavor.OCI);
    assertThat(oci.isIndex()).isTrue();
    StoredManifest index = manifest(oci.manifest().digest());
    assertThat(index.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    JsonNode entries = json(index.content()).get("manifests");
    assertThat(entries).hasSize(2);
    for (int i = 0; i < 2; i++) {
      JsonNode entry = entries.get(i);
      PublishedImage.PlatformImage platform = oci.platforms().get(i);
      StoredManifest child = manifest(Digest.parse(entry.get("digest").asText()));
      assertThat(entry.get("mediaType").asText()).isEqualTo(MediaTypes.OCI_MANIFEST);
      assertThat(child.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
      assertThat(entry.get("size").asLong()).isEqualTo(child.content().length);
      assertThat(entry.at("/platform/os").asText()).isEqualTo(platform.platform().os());
      assertThat(entry.at("/platform/architecture").asText())
          .isEqualTo(platform.platform().architecture());
      assertThat(child.digest()).isEqualTo(platform.manifest().digest());
    }
    assertThat(entries)
        .extracting(e -> e.at("/platform/architecture").asText())
        .containsExactly("amd64", "arm64");
    assertThat(oci.platform(Platform.LINUX_ARM64).layers())
        .doesNotContainAnyElementsOf(oci.platform(Platform.LINUX_AMD64).layers());
  }

  @Test
  void dockerFormatUsesDockerMediaTypesThroughout() throws IOException {
    PublishedImage image =
        publisher.publish(REPO, "d", small().multiArch().format(ImageFormat.DOCKER).build());

    PublishedImage.Representation docker = image.representation(ManifestFlavor.DOCKER);
    JsonNode list = json(manifest(docker.manifest().digest()).content());
    assertThat(list.get("mediaType").asText()).isEqualTo(MediaTypes.DOCKER_LIST);
    assertThat(list.get("manifests"))
        .extracting(e -> e.get("mediaType").asText())
        .containsOnly(MediaTypes.DOCKER_MANIFEST);
    JsonNode child = json(manifest(docker.platforms().get(0).manifest().digest()).content());
    assertThat(child.get("mediaType").asText()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    assertThat(child.at("/config/mediaType").asText()).isEqualTo(MediaTypes.DOCKER_CONFIG);
    assertThat(child.get("layers"))
        .extracting(l -> l.get("mediaType").asText())
        .containsOnly(MediaTypes.DOCKER_LAYER_GZIP);
    assertThat(image.representations()).hasSize(1);
  }

  @Test
  void bothFormatsMakeTwoRepresentationsThatAcceptNegotiationChoosesBetween() {
    PublishedImage image =
        publisher.publish(REPO, "both", small().multiArch().format(ImageFormat.BOTH).build());
    Repository repo = content.repository(REPO);
    Reference tag = Reference.parse("both");

    Digest oci = image.representation(ManifestFlavor.OCI).manifest().digest();
    Digest docker = image.representation(ManifestFlavor.DOCKER).manifest().digest();
    assertThat(oci).isNotEqualTo(docker);
    assertThat(repo.resolve(tag, accept(MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST)).digest())
        .isEqualTo(oci);
    assertThat(
            repo.resolve(tag, accept(MediaTypes.DOCKER_LIST, MediaTypes.DOCKER_MANIFEST)).digest())
        .isEqualTo(docker);
    assertThat(repo.resolve(tag, accept(MediaTypes.DOCKER_LIST, MediaTypes.OCI_INDEX)).digest())
        .isEqualTo(docker);
    // The layers and config are the same blobs under either family's media types.
    assertThat(image.representation(ManifestFlavor.OCI).platforms().get(0).layers())
        .extracting(Descriptor::digest)
        .isEqualTo(
            image.representation(ManifestFlavor.DOCKER).platforms().get(0).layers().stream()
                .map(Descriptor::digest)
                .toList());
  }

  @Test
  void bothFormatsOfASinglePlatformImageAreTwoImageManifests() {
    PublishedImage image = publisher.publish(REPO, "one", small().format(ImageFormat.BOTH).build());
    Repository repo = content.repository(REPO);
    Reference tag = Reference.parse("one");

    assertThat(image.representations())
        .extracting(r -> r.manifest().mediaType())
        .containsExactly(MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST);
    assertThat(repo.resolve(tag, accept(MediaTypes.DOCKER_MANIFEST)).mediaType())
        .isEqualTo(MediaTypes.DOCKER_MANIFEST);
    assertThat(repo.resolve(tag, accept(MediaTypes.OCI_MANIFEST)).mediaType())
        .isEqualTo(MediaTypes.OCI_MANIFEST);
  }

  @Test
  void publishingAgainIntoAnotherRepositoryReusesTheStoredLayers() throws IOException {
    ImageSpec spec = small().build();
    PublishedImage first = publisher.publish(REPO, "v1", spec);
    Digest layer = first.representations().get(0).platforms().get(0).layers().get(1).digest();
    Object fileBefore = fileKey(layer);
    assertThat(fileBefore).as("this file system reports inodes").isNotNull();

    RepositoryName other = RepositoryName.of("mirror/app");
    PublishedImage again = publisher.publish(other, "v1", spec);

    assertThat(fileKey(layer)).isEqualTo(fileBefore);
    assertThat(again.digest()).isEqualTo(first.digest());
    assertThat(content.repository(other).hasBlob(layer)).isTrue();
    assertThat(content.repository(other).manifest(first.digest())).isPresent();
  }

  @Test
  void specsSharingABaseLayerShareItsBlob() {
    ImageSpec base = ImageSpec.builder().seed(5).layers(2048).build();
    ImageSpec derived = base.toBuilder().layer(99).build();

    List<Descriptor> baseLayers = layers(publisher.publish(REPO, "base", base));
    List<Descriptor> derivedLayers = layers(publisher.publish(REPO, "derived", derived));

    assertThat(derivedLayers).hasSize(2);
    assertThat(derivedLayers.get(0)).isEqualTo(baseLayers.get(0));
  }

  @Test
  void republishingMovesTheTag() {
    publisher.publish(REPO, "v1", small().format(ImageFormat.BOTH).build());
    PublishedImage moved = publisher.publish(REPO, "v1", small().seed(9).build());

    assertThat(content.repository(REPO).resolve(Reference.parse("v1"), accept("*/*")).digest())
        .isEqualTo(moved.digest());
  }

  @Test
  void invalidTagIsRefused() {
    assertThatThrownBy(() -> publisher.publish(REPO, "no:colons", small().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tag");
  }

  @Test
  void a64MiBLayerIsStreamedToTheStore() {
    long size = 64L << 20;
    PublishedImage image = publisher.publish(REPO, "big", ImageSpec.builder().layer(size).build());

    Descriptor layer = image.representations().get(0).platforms().get(0).layers().get(0);
    // Random content is stored, not compressed: the blob is the data plus tar and gzip framing.
    assertThat(layer.size()).isBetween(size, size + size / 100);
    assertThat(content.blobs().size(layer.digest())).isEqualTo(layer.size());
  }

  private static List<Descriptor> layers(PublishedImage image) {
    return image.representations().get(0).platforms().get(0).layers();
  }

  private Object fileKey(Digest digest) throws IOException {
    Path file = content.blobs().find(digest).orElseThrow();
    return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
  }

  private static AcceptHeader accept(String... types) {
    return AcceptHeader.parse(List.of(types));
  }
}
