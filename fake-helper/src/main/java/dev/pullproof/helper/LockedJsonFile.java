package dev.pullproof.helper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullproof.helper.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;

/**
 * A JSON object kept in one file and changed under an exclusive file lock, so helpers called
 * concurrently (clients do) neither lose nor tear an update. Used for the credential store ({@code
 * {"url": {"Username": .., "Secret": ..}}}) and for the sequence call counters.
 */
public final class LockedJsonFile {
  private final Path file;
  private final Json json;

  public LockedJsonFile(Path file, Json json) {
    this.file = file;
    this.json = json;
  }

  /** Reads the object (empty when the file does not exist yet). */
  public ObjectNode read() {
    return update(UnaryOperator.identity(), false);
  }

  /** Applies {@code change} to the object and writes it back; returns the object before. */
  public ObjectNode change(UnaryOperator<ObjectNode> change) {
    return update(change, true);
  }

  private ObjectNode update(UnaryOperator<ObjectNode> change, boolean write) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (FileChannel ch =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        ByteBuffer buf = ByteBuffer.allocate((int) ch.size());
        while (buf.hasRemaining() && ch.read(buf) >= 0) {
          // read the whole file
        }
        String text = new String(buf.array(), StandardCharsets.UTF_8);
        JsonNode node = text.isBlank() ? json.object() : json.read(text);
        if (!node.isObject()) {
          throw new IOException("expected a JSON object in " + file + "; delete or fix the file");
        }
        ObjectNode before = ((ObjectNode) node).deepCopy();
        if (write) {
          byte[] out =
              json.writePretty(change.apply((ObjectNode) node)).getBytes(StandardCharsets.UTF_8);
          ch.truncate(0);
          ch.write(ByteBuffer.wrap(out), 0);
        }
        return before;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the file " + file + ": " + e.getMessage(), e);
    }
  }
}
