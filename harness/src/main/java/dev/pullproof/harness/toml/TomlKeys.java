package dev.pullproof.harness.toml;

import java.util.List;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** Dotted TOML keys as a user writes them, the lines tomlj recorded for them, and type names. */
public final class TomlKeys {
  private TomlKeys() {}

  /** One key part, quoted when TOML needs quotes ({@code "io.containerd.grpc.v1.cri"}). */
  public static String part(String key) {
    return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
  }

  /** {@code prefix.key}, quoting {@code key} as needed; {@code prefix} may be empty. */
  public static String join(String prefix, String key) {
    return prefix.isEmpty() ? part(key) : prefix + "." + part(key);
  }

  /** The line where {@code key} of {@code table} was written, or {@code fallback}. */
  public static int line(TomlTable table, String key, int fallback) {
    TomlPosition p = table.inputPositionOf(List.of(key));
    return p == null ? fallback : p.line();
  }

  /** What a value is, for messages: {@code "a string"}, {@code "an integer"}, ... */
  public static String typeName(Object value) {
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
