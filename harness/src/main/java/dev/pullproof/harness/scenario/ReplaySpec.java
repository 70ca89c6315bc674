package dev.pullproof.harness.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A registry that answers from a recording ({@code replay = "DIR"}, written by {@code pullproof
 * record}) instead of images and auth.
 *
 * @param directory the recording's directory, absolute
 * @param unrecorded what a request the recording lacks gets
 */
public record ReplaySpec(Path directory, Unrecorded unrecorded) {
  /** The file that makes a directory a recording. */
  public static final String FILE = "recording.json";

  /** What a request the recording lacks gets; the journal marks it either way. */
  public enum Unrecorded {
    /** The spec's 404 for an unknown name (a token for the realm). */
    NOT_FOUND,
    /** A 500 naming the request. */
    FAIL;

    public static final List<String> LABELS = List.of("not-found", "fail");

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Unrecorded> of(String label) {
      for (Unrecorded u : values()) {
        if (u.label().equals(label)) {
          return Optional.of(u);
        }
      }
      return Optional.empty();
    }
  }

  public ReplaySpec {
    Objects.requireNonNull(unrecorded, "unrecorded");
    if (directory == null || !directory.isAbsolute()) {
      throw new IllegalArgumentException("replay directory must be an absolute path: " + directory);
    }
    if (!Files.isRegularFile(directory.resolve(FILE))) {
      throw new IllegalArgumentException(
          "replay = \""
              + directory
              + "\" is not a recording (no "
              + FILE
              + "); make one with pullproof record --upstream URL --out DIR");
    }
  }
}
