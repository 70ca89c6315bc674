package dev.pullproof.harness.toml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Collects the problems of one file so a parser can report all of them at once. */
public final class Problems {
  private final Path file;
  private final List<Problem> found = new ArrayList<>();

  public Problems(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  public void add(int line, String key, String message) {
    found.add(new Problem(file, line, key, message));
  }

  public void addAll(List<Problem> problems) {
    found.addAll(problems);
  }

  public int size() {
    return found.size();
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public List<Problem> list() {
    return List.copyOf(found);
  }

  /** Throws the exception {@code failure} makes of every problem, if there is any. */
  public <X extends RuntimeException> void throwIfAny(Function<List<Problem>, X> failure) {
    if (!found.isEmpty()) {
      throw failure.apply(List.copyOf(found));
    }
  }
}
