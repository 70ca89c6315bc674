package dev.pullproof.harness.validate.model;

import java.util.List;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** Dotted TOML keys as a user writes them, and the lines tomlj recorded for them. */
public final class Keys {
  private Keys() {}

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
}
