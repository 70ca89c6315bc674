package dev.pullproof.registry.content;

import dev.pullproof.registry.protocol.Digest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Streams one synthetic layer, a gzip'd tar, into the blob store. The tar passes through one
 * SHA-256 (the diff_id) on its way into gzip and the gzip through another (the blob digest) on its
 * way to disk, so even a layer of gigabytes never sits on the heap and is read only once.
 */
final class LayerWriter {
  /** The fixed creation time of everything synthetic, so no clock leaks into a digest. */
  static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  private static final int CHUNK = 1 << 16;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private LayerWriter() {}

  /** The stored layer blob with its compressed size and the digest of the uncompressed tar. */
  record Layer(Digest digest, long size, Digest diffId) {}

  static Layer write(LayerRecipe recipe, BlobStore blobs) {
    Path staged = blobs.newIncomingFile();
    MessageDigest compressed = Digest.newSha256();
    MessageDigest uncompressed = Digest.newSha256();
    boolean stored = false;
    try {
      try (OutputStream file =
              new DigestOutputStream(
                  new BufferedOutputStream(Files.newOutputStream(staged), CHUNK), compressed);
          TarArchiveOutputStream tar =
              new TarArchiveOutputStream(
                  new DigestOutputStream(new StoredGzipOutputStream(file), uncompressed))) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        writeEntries(recipe, tar);
      }
      long size = Files.size(staged);
      Layer layer =
          new Layer(blobs.adopt(staged, Digest.of(compressed)), size, Digest.of(uncompressed));
      stored = true;
      return layer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write synthetic layer " + recipe, e);
    } finally {
      if (!stored) {
        deleteQuietly(staged);
      }
    }
  }

  private static void deleteQuietly(Path staged) {
    try {
      Files.deleteIfExists(staged);
    } catch (IOException e) {
      // The staging directory belongs to the store and goes when it closes.
    }
  }

  private static void writeEntries(LayerRecipe recipe, TarArchiveOutputStream tar)
      throws IOException {
    tar.putArchiveEntry(entry(LayerRecipe.directory(), TarArchiveEntry.DEFAULT_DIR_MODE, 0));
    tar.closeArchiveEntry();
    byte[] note = recipe.note();
    tar.putArchiveEntry(entry(recipe.notePath(), TarArchiveEntry.DEFAULT_FILE_MODE, note.length));
    tar.write(note);
    tar.closeArchiveEntry();
    tar.putArchiveEntry(entry(recipe.dataPath(), TarArchiveEntry.DEFAULT_FILE_MODE, recipe.size()));
    SplittableRandom random = new SplittableRandom(recipe.randomSeed());
    byte[] buffer = new byte[CHUNK];
    for (long left = recipe.size(); left > 0; ) {
      int n = (int) Math.min(CHUNK, left);
      fill(random, buffer, n);
      tar.write(buffer, 0, n);
      left -= n;
    }
    tar.closeArchiveEntry();
  }

  /** Every header field set explicitly: the defaults carry the clock and the user name. */
  private static TarArchiveEntry entry(String name, int mode, long size) {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(mode);
    entry.setSize(size);
    entry.setModTime(FileTime.from(EPOCH));
    entry.setIds(0, 0);
    entry.setNames("root", "root");
    return entry;
  }

  /**
   * Fills bytes from the generator's longs in little-endian order, so the stream is defined by
   * SplitMix64 alone rather than by whichever {@code nextBytes} the JDK ships.
   */
  static void fill(SplittableRandom random, byte[] buffer, int length) {
    int i = 0;
    for (; i + Long.BYTES <= length; i += Long.BYTES) {
      LONGS.set(buffer, i, random.nextLong());
    }
    if (i < length) {
      long last = random.nextLong();
      for (; i < length; i++, last >>>= 8) {
        buffer[i] = (byte) last;
      }
    }
  }

  /**
   * GZIP with stored (uncompressed) deflate blocks. Random content does not compress, and zlib's
   * fastest level still spends about 4 s per 256 MiB trying; stored blocks are a valid gzip of the
   * same size in a fraction of that. The JDK writes a fixed header (mtime 0, no name, OS 255),
   * which keeps the output deterministic.
   */
  private static final class StoredGzipOutputStream extends GZIPOutputStream {
    StoredGzipOutputStream(OutputStream out) throws IOException {
      super(out, CHUNK);
      def.setLevel(Deflater.NO_COMPRESSION);
    }
  }
}
