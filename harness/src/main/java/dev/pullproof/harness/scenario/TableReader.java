package dev.pullproof.harness.scenario;

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
final class TableReader {
  /** A value inside an array, with where it was written. */
  record Item(Object value, int line, String key) {}

  private final Problems problems;
  private final TomlTable table;
  private final String path;
  private final int line;

  TableReader(Problems problems, TomlTable table, String path, int line) {
    this.problems = problems;
    this.table = table;
    this.path = path;
    this.line = line;
  }

  String path() {
    return path;
  }

  int line() {
    return line;
  }

  List<String> keys() {
    return new ArrayList<>(table.keySet());
  }

  boolean has(String key) {
    return table.get(List.of(key)) != null;
  }

  String key(String key) {
    String part = key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
    return path.isEmpty() ? part : path + "." + part;
  }

  int line(String key) {
    TomlPosition position = table.inputPositionOf(List.of(key));
    return position == null ? line : position.line();
  }

  void problem(String key, String message) {
    problems.add(line(key), key(key), message);
  }

  /** Reports each key not in {@code allowed}, suggesting the nearest allowed one. */
  void allowOnly(String... allowed) {
    List<String> names = Arrays.asList(allowed);
    for (String k : table.keySet()) {
      if (!names.contains(k)) {
        String hint = Suggestions.didYouMean(k, names);
        problem(k, "unknown key '" + k + "'" + (hint.isEmpty() ? "; allowed: " + names : hint));
      }
    }
  }

  Optional<Object> raw(String key) {
    return Optional.ofNullable(table.get(List.of(key)));
  }

  <T> Optional<T> typed(String key, Class<T> type, String expected) {
    Object value = table.get(List.of(key));
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      problem(key, "expected " + expected + ", got " + typeName(value));
      return Optional.empty();
    }
    return Optional.of(type.cast(value));
  }

  Optional<String> string(String key) {
    return typed(key, String.class, "a string");
  }

  Optional<String> requiredString(String key) {
    if (!has(key)) {
      problems.add(line, key(key), "is required");
    }
    return string(key);
  }

  Optional<Boolean> bool(String key) {
    return typed(key, Boolean.class, "true or false");
  }

  Optional<Long> integer(String key, long min, long max) {
    Optional<Long> value = typed(key, Long.class, "an integer");
    if (value.isPresent() && (value.get() < min || value.get() > max)) {
      problem(key, "must be " + min + " to " + max + ", got " + value.get());
      return Optional.empty();
    }
    return value;
  }

  /** An integer or a float, as a double. */
  Optional<Double> number(String key) {
    Object value = table.get(List.of(key));
    if (value instanceof Long l) {
      return Optional.of(l.doubleValue());
    }
    return typed(key, Double.class, "a number");
  }

  Optional<Duration> duration(String key) {
    return string(key).flatMap(text -> convert(key, () -> Units.duration(text)));
  }

  /** A size as a string with a unit ({@code "4MiB"}) or an integer count of bytes. */
  Optional<Long> size(Item item) {
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

  Optional<TableReader> table(String key) {
    return table(key, "a table");
  }

  /** A table, where {@code expected} says what else the key may hold (for the message). */
  Optional<TableReader> table(String key, String expected) {
    return typed(key, TomlTable.class, expected)
        .map(t -> new TableReader(problems, t, key(key), line(key)));
  }

  /** Wraps an array item that must be a table. */
  Optional<TableReader> table(Item item) {
    if (item.value() instanceof TomlTable t) {
      return Optional.of(new TableReader(problems, t, item.key(), item.line()));
    }
    problems.add(item.line(), item.key(), "expected a table, got " + typeName(item.value()));
    return Optional.empty();
  }

  List<Item> items(String key) {
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
  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    for (Item item : items(key)) {
      if (item.value() instanceof String s) {
        out.add(s);
      } else {
        problems.add(item.line(), item.key(), "expected a string, got " + typeName(item.value()));
      }
    }
    return out;
  }

  /** Runs a conversion that throws IllegalArgumentException, recording its message. */
  <T> Optional<T> convert(String key, java.util.function.Supplier<T> conversion) {
    try {
      return Optional.ofNullable(conversion.get());
    } catch (IllegalArgumentException e) {
      problem(key, e.getMessage());
      return Optional.empty();
    }
  }

  void problemAt(Item item, String message) {
    problems.add(item.line(), item.key(), message);
  }

  Problems problems() {
    return problems;
  }

  static String typeName(Object value) {
    if (value instanceof String) {
      return "a string";
    } else if (value instanceof Long) {
      return "an integer";
    } else if (value instanceof Double) {
      return "a float";
    } else if (value instanceof Boolean) {
      return "a boolean";
    } else if (value instanceof TomlTable) {
      return "a table";
    } else if (value instanceof TomlArray) {
      return "an array";
    }
    return "a date or time";
  }
}
