package dev.pullproof.registry.record;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * A recorded registry as a directory: {@value #FILE} (the exchanges, in the order they completed)
 * and {@value #BODIES}/ (each kept body once, named by the sha256 of its bytes).
 *
 * @param upstream the registry's URL as given to the recorder
 * @param realm the token realm the upstream's challenges named, or empty when none did
 * @param maxBody bodies larger than this were not kept (size and digest only)
 */
public record Recording(
    String upstream, String realm, long maxBody, List<RecordedExchange> exchanges) {
  public static final String FILE = "recording.json";
  public static final String BODIES = "bodies";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public Recording {
    Objects.requireNonNull(upstream, "upstream");
    realm = realm == null ? "" : realm;
    if (maxBody < 0) {
      throw new IllegalArgumentException("maxBody must be 0 or more, got " + maxBody);
    }
    exchanges = List.copyOf(exchanges == null ? List.of() : exchanges);
  }

  /**
   * Reads {@code dir}; a missing or malformed file, or an exchange whose body file is absent, is an
   * {@link IllegalArgumentException} naming the file and what to do.
   */
  public static Recording read(Path dir) {
    Path file = dir.resolve(FILE);
    Recording recording;
    try {
      recording = JSON.readValue(file.toFile(), Recording.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          file + " is not a recording (" + e.getOriginalMessage() + "); record it again", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file + " cannot be read (" + e.getMessage() + "); is " + dir + " a recording directory?",
          e);
    }
    if (recording == null) {
      throw new IllegalArgumentException(file + " is empty; record it again");
    }
    for (RecordedExchange e : recording.exchanges()) {
      if (!e.body().isEmpty() && !Files.isRegularFile(body(dir, e))) {
        throw new IllegalArgumentException(
            "exchange "
                + e.summary()
                + " of "
                + file
                + " names "
                + body(dir, e)
                + ", which is missing");
      }
    }
    return recording;
  }

  /** Writes {@value #FILE} into {@code dir} atomically, so a reader never sees half a file. */
  public void write(Path dir) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".recording", ".json");
      JSON.writeValue(tmp.toFile(), this);
      Files.move(
          tmp,
          dir.resolve(FILE),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the recording to " + dir, e);
    }
  }

  /** Where {@code exchange}'s body lives under {@code dir}. */
  public static Path body(Path dir, RecordedExchange exchange) {
    return dir.resolve(BODIES).resolve(exchange.body());
  }
}
