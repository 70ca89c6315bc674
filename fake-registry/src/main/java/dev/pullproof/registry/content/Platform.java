package dev.pullproof.registry.content;

import java.util.regex.Pattern;

/** An image platform as index entries and image configs name it, e.g. {@code linux/amd64}. */
public record Platform(String os, String architecture) {
  // Declared before the constants below, whose construction uses it.
  private static final Pattern WORD = Pattern.compile("[a-z0-9_]{1,32}");

  public static final Platform LINUX_AMD64 = new Platform("linux", "amd64");
  public static final Platform LINUX_ARM64 = new Platform("linux", "arm64");

  public Platform {
    if (os == null || !WORD.matcher(os).matches()) {
      throw new IllegalArgumentException("os must be a lowercase word such as linux, was " + os);
    }
    if (architecture == null || !WORD.matcher(architecture).matches()) {
      throw new IllegalArgumentException(
          "architecture must be a lowercase word such as amd64, was " + architecture);
    }
  }

  /** Parses {@code os/architecture}. */
  public static Platform parse(String text) {
    int slash = text == null ? -1 : text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("platform must look like linux/amd64, was " + text);
    }
    return new Platform(text.substring(0, slash), text.substring(slash + 1));
  }

  @Override
  public String toString() {
    return os + "/" + architecture;
  }
}
