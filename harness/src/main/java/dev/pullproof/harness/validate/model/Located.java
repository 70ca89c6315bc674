package dev.pullproof.harness.validate.model;

import dev.pullproof.harness.toml.TomlKeys;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * A TOML table together with its dotted key and the line it starts on, so rules can name exactly
 * where a setting lives. Unlike {@link dev.pullproof.harness.toml.TomlReader} it records nothing: a
 * value of another type reads as absent, because what a user's file gets wrong is judged per
 * containerd version by the rules, as findings, not as parse errors.
 */
public record Located(TomlTable table, String key, int line) {

  /** The sub-table {@code name}, if it is a table. */
  public Optional<Located> table(String name) {
    Object value = table.get(List.of(name));
    if (value instanceof TomlTable t) {
      return Optional.of(
          new Located(t, TomlKeys.join(key, name), TomlKeys.line(table, name, line)));
    }
    return Optional.empty();
  }

  public Optional<String> string(String name) {
    Object value = table.get(List.of(name));
    return value instanceof String s ? Optional.of(s) : Optional.empty();
  }

  /**
   * A string value other than {@code ""}. containerd tests its string settings against the empty
   * string ({@code useConfigPath := c.Registry.ConfigPath != ""} in pkg/cri/config/config.go of
   * 1.6.20 and 1.7.24, internal/cri/config/config.go of 2.1.9), so {@code config_path = ""} is "not
   * set" on every line.
   */
  public Optional<String> setString(String name) {
    return string(name).filter(s -> !s.isEmpty());
  }

  public Optional<Object> value(String name) {
    return Optional.ofNullable(table.get(List.of(name)));
  }

  public boolean has(String name) {
    return table.get(List.of(name)) != null;
  }

  /** A non-empty table or array under {@code name}. */
  public boolean hasNonEmpty(String name) {
    Object value = table.get(List.of(name));
    if (value instanceof TomlTable t) {
      return !t.isEmpty();
    }
    if (value instanceof TomlArray a) {
      return !a.isEmpty();
    }
    return value != null;
  }

  public String keyOf(String name) {
    return TomlKeys.join(key, name);
  }

  public int lineOf(String name) {
    return TomlKeys.line(table, name, line);
  }

  /** The direct keys, in the order tomlj keeps them. */
  public List<String> keys() {
    return List.copyOf(table.keySet());
  }
}
