package dev.pullproof.harness.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A containerd release line a scenario runs on. Each family has its own config shape: 1.6 and 1.7
 * read {@code version = 2}, 2.x reads {@code version = 3}.
 */
public enum VersionFamily {
  V1_6("1.6"),
  V1_7("1.7"),
  V2("2");

  private final String label;

  VersionFamily(String label) {
    this.label = label;
  }

  /** As scenario files and the command line write it: {@code 1.6}, {@code 1.7}, {@code 2}. */
  public String label() {
    return label;
  }

  public static Optional<VersionFamily> of(String label) {
    return Arrays.stream(values()).filter(v -> v.label.equals(label)).findFirst();
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(VersionFamily::label).toList();
  }

  @Override
  public String toString() {
    return label;
  }
}
