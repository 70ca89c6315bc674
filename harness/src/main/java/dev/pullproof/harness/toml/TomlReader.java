package dev.pullproof.harness.toml;

import dev.pullproof.harness.text.Suggestions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads one TOML table strictly: each accessor checks the value's type, and every mistake becomes a
 * {@link Problem} with the line and the full dotted key, so the parser can carry on and report them
 * all. Values of the wrong type read as absent after the problem is recorded.
 */
public final class TomlReader {
  /** A value inside an array, with where it was written. */
  public record Item(Object value, int line, String key) {}

  private final Problems problems;
  private final TomlTable table;
  private final String path;
  private final int line;

  /** Reads {@code table}, written at {@code line} under the dotted key {@code path}. */
  public TomlReader(Problems problems, TomlTable table, String path, int line) {
    this.problems = problems;
    this.table = table;
    this.path = path;
    this.line = line;
  }

  public String path() {
    return path;
  }

  public int line() {
    return line;
  }

  public List<String> keys() {
    return new ArrayList<>(table.keySet());
  }

  public boolean has(String key) {
    return table.get(List.of(key)) != null;
  }

  /** The full dotted key of {@code key} in this table. */
  public String key(String key) {
    return TomlKeys.join(path, key);
  }

  /** The line {@code key} was written on, or this table's. */
  public int line(String key) {
    return TomlKeys.line(table, key, line);
  }

  public void problem(String key, String message) {
    problems.add(line(key), key(key), message);
  }

  /** Reports each key not in {@code allowed}, suggesting the nearest allowed one. */
  public void allowOnly(String... allowed) {
    List<String> names = Arrays.asList(allowed);
    for (String k : table.keySet()) {
      if (!names.contains(k)) {
        String hint = Suggestions.didYouMean(k, names);
        problem(k, "unknown key '" + k + "'" + (hint.isEmpty() ? "; allowed: " + names : hint));
      }
    }
  }

  public Optional<Object> raw(String key) {
    return Optional.ofNullable(table.get(List.of(key)));
  }

  public <T> Optional<T> typed(String key, Class<T> type, String expected) {
    Object value = table.get(List.of(key));
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      problem(key, "expected " + expected + ", got " + TomlKeys.typeName(value));
      return Optional.empty();
    }
    return Optional.of(type.cast(value));
  }

  public Optional<String> string(String key) {
    return typed(key, String.class, "a string");
  }

  public Optional<String> requiredString(String key) {
    if (!has(key)) {
      problems.add(line, key(key), "is required");
    }
    return string(key);
  }

  public Optional<Boolean> bool(String key) {
    return typed(key, Boolean.class, "true or false");
  }

  public Optional<Long> integer(String key, long min, long max) {
    Optional<Long> value = typed(key, Long.class, "an integer");
    if (value.isPresent() && (value.get() < min || value.get() > max)) {
      problem(key, "must be " + min + " to " + max + ", got " + value.get());
      return Optional.empty();
    }
    return value;
  }

  /** An integer or a float, as a double. */
  public Optional<Double> number(String key) {
    Object value = table.get(List.of(key));
    if (value instanceof Long l) {
      return Optional.of(l.doubleValue());
    }
    return typed(key, Double.class, "a number");
  }

  public Optional<Duration> duration(String key) {
    return string(key).flatMap(text -> convert(key, () -> Units.duration(text)));
  }

  /** A size as a string with a unit ({@code "4MiB"}) or an integer count of bytes. */
  public Optional<Long> size(Item item) {
    if (item.value() instanceof Long bytes && bytes >= 0) {
      return Optional.of(bytes);
    }
    if (item.value() instanceof String text) {
      try {
        return Optional.of(Units.size(text));
      } catch (IllegalArgumentException e) {
        problems.add(item.line(), item.key(), e.getMessage());
        return Optional.empty();
      }
    }
    problems.add(item.line(), item.key(), "expected a size such as \"4MiB\" or a byte count");
    return Optional.empty();
  }

  public Optional<TomlReader> table(String key) {
    return table(key, "a table");
  }

  /** A table, where {@code expected} says what else the key may hold (for the message). */
  public Optional<TomlReader> table(String key, String expected) {
    return typed(key, TomlTable.class, expected)
        .map(t -> new TomlReader(problems, t, key(key), line(key)));
  }

  /** Wraps an array item that must be a table. */
  public Optional<TomlReader> table(Item item) {
    if (item.value() instanceof TomlTable t) {
      return Optional.of(new TomlReader(problems, t, item.key(), item.line()));
    }
    problems.add(
        item.line(), item.key(), "expected a table, got " + TomlKeys.typeName(item.value()));
    return Optional.empty();
  }

  public List<Item> items(String key) {
    Optional<TomlArray> array = typed(key, TomlArray.class, "an array");
    List<Item> items = new ArrayList<>();
    array.ifPresent(
        a -> {
          for (int i = 0; i < a.size(); i++) {
            TomlPosition p = a.inputPositionOf(i);
            items.add(
                new Item(a.get(i), p == null ? line(key) : p.line(), key(key) + "[" + i + "]"));
          }
        });
    return items;
  }

  /** An array of strings; other elements are problems. */
  public List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    for (Item item : items(key)) {
      if (item.value() instanceof String s) {
        out.add(s);
      } else {
        problems.add(
            item.line(), item.key(), "expected a string, got " + TomlKeys.typeName(item.value()));
      }
    }
    return out;
  }

  /** Runs a conversion that throws IllegalArgumentException, recording its message. */
  public <T> Optional<T> convert(String key, java.util.function.Supplier<T> conversion) {
    try {
      return Optional.ofNullable(conversion.get());
    } catch (IllegalArgumentException e) {
      problem(key, e.getMessage());
      return Optional.empty();
    }
  }

  public void problemAt(Item item, String message) {
    problems.add(item.line(), item.key(), message);
  }

  public Problems problems() {
    return problems;
  }
}
