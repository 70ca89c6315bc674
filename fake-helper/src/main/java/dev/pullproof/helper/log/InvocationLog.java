package dev.pullproof.helper.log;

import dev.pullproof.helper.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Appends one JSON line per helper call to a file shared by every helper process using it, under an
 * exclusive lock so concurrent calls never interleave. Read it back with {@link Invocations}.
 */
public final class InvocationLog {
  private final Path file;
  private final Json json;

  public InvocationLog(Path file, Json json) {
    this.file = file;
    this.json = json;
  }

  public void append(Map<String, Object> entry) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      byte[] line =
          (json.write(json.valueOf(entry)) + "\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      try (FileChannel ch =
              FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          FileLock lock = ch.lock()) {
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the invocation log " + file + ": " + e, e);
    }
  }
}
