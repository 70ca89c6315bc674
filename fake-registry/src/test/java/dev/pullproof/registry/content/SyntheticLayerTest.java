package dev.pullproof.registry.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.protocol.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticLayerTest {
  @TempDir Path tmp;
  private BlobStore blobs;

  @BeforeEach
  void open() {
    blobs = new BlobStore(tmp.resolve("store"));
  }

  @AfterEach
  void close() {
    blobs.close();
  }

  private static LayerRecipe recipe(long size) {
    return new LayerRecipe("img", 42, Platform.LINUX_AMD64, 0, size);
  }

  @Test
  void diffIdIsTheSha256OfTheUncompressedTar() throws IOException {
    LayerWriter.Layer layer = LayerWriter.write(recipe(300_000), blobs);

    MessageDigest sha = Digest.newSha256();
    try (InputStream in =
        new DigestInputStream(
            new GZIPInputStream(Files.newInputStream(blobs.find(layer.digest()).orElseThrow())),
            sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }

    assertThat(Digest.of(sha)).isEqualTo(layer.diffId());
    assertThat(layer.diffId()).isNotEqualTo(layer.digest());
  }

  @Test
  void storedBlobHasTheReportedDigestAndSize() {
    LayerWriter.Layer layer = LayerWriter.write(recipe(5000), blobs);

    byte[] stored = blobs.read(layer.digest());
    assertThat(Digest.sha256(stored)).isEqualTo(layer.digest());
    assertThat((long) stored.length).isEqualTo(layer.size());
  }

  @Test
  void tarHoldsTheDataFileOfTheChosenSizeAndANoteWithFixedOwnersAndTimes() throws IOException {
    LayerWriter.Layer layer = LayerWriter.write(recipe(123_457), blobs);

    List<TarArchiveEntry> entries = new ArrayList<>();
    byte[] data = null;
    String note = null;
    try (TarArchiveInputStream tar = untar(layer)) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        entries.add(e);
        byte[] content = tar.readAllBytes();
        if (e.getName().endsWith(".bin")) {
          data = content;
        } else if (e.getName().endsWith(".txt")) {
          note = new String(content, StandardCharsets.UTF_8);
        }
      }
    }

    assertThat(entries)
        .extracting(TarArchiveEntry::getName)
        .containsExactly("pullproof/", "pullproof/layer-1.txt", "pullproof/layer-1.bin");
    assertThat(data).hasSize(123_457);
    assertThat(note).contains("img", "seed 42", "linux/amd64", "123457");
    for (TarArchiveEntry e : entries) {
      assertThat(e.getModTime().toInstant()).isEqualTo(LayerWriter.EPOCH);
      assertThat(e.getLongUserId()).isZero();
      assertThat(e.getLongGroupId()).isZero();
      assertThat(e.getUserName()).isEqualTo("root");
    }
    assertThat(entries.get(2).getMode()).isEqualTo(0100644);
  }

  @Test
  void dataFileIsTheRecipesRandomStream() throws IOException {
    LayerRecipe recipe = recipe(1001);
    LayerWriter.Layer layer = LayerWriter.write(recipe, blobs);

    byte[] expected = new byte[1001];
    LayerWriter.fill(new SplittableRandom(recipe.randomSeed()), expected, expected.length);
    try (TarArchiveInputStream tar = untar(layer)) {
      TarArchiveEntry e = tar.getNextEntry();
      while (!e.getName().endsWith(".bin")) {
        e = tar.getNextEntry();
      }
      assertThat(tar.readAllBytes()).isEqualTo(expected);
    }
  }

  @Test
  void gzipHeaderCarriesNoTimestampOrName() {
    LayerWriter.Layer layer = LayerWriter.write(recipe(10), blobs);

    byte[] head = Arrays.copyOf(blobs.read(layer.digest()), 10);
    // magic, deflate, no flags (so no file name), mtime 0, no extra flags, OS 255 (unknown)
    assertThat(head).containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
  }

  @Test
  void emptyDataFileStillMakesAValidLayer() throws IOException {
    LayerWriter.Layer layer = LayerWriter.write(recipe(0), blobs);

    try (TarArchiveInputStream tar = untar(layer)) {
      int count = 0;
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        count++;
      }
      assertThat(count).isEqualTo(3);
    }
  }

  @Test
  void layersOfOtherPositionsPlatformsOrSeedsDiffer() {
    Digest base = LayerWriter.write(recipe(100), blobs).digest();

    assertThat(LayerWriter.write(recipe(100), blobs).digest()).isEqualTo(base);
    assertThat(
            List.of(
                new LayerRecipe("img", 43, Platform.LINUX_AMD64, 0, 100),
                new LayerRecipe("img", 42, Platform.LINUX_ARM64, 0, 100),
                new LayerRecipe("img", 42, Platform.LINUX_AMD64, 1, 100),
                new LayerRecipe("other", 42, Platform.LINUX_AMD64, 0, 100)))
        .extracting(r -> LayerWriter.write(r, blobs).digest())
        .doesNotContain(base)
        .doesNotHaveDuplicates();
  }

  private TarArchiveInputStream untar(LayerWriter.Layer layer) throws IOException {
    return new TarArchiveInputStream(
        new GZIPInputStream(Files.newInputStream(blobs.find(layer.digest()).orElseThrow())));
  }
}
