package dev.pullproof.harness.validate.model;

import dev.pullproof.harness.text.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlTable;

/**
 * The keys one containerd release knows in a TOML table: a table with named keys, a map whose keys
 * are free names (registry hosts, runtime names) with one shape per entry, or anything (runtime
 * options, headers). Immutable once built.
 */
public final class Schema {
  private enum Kind {
    TABLE,
    MAP,
    ANY
  }

  /** A key the schema does not know, with where it was written and the nearest known key. */
  public record Unknown(String name, String key, int line, Optional<String> suggestion) {}

  private static final Schema ANY = new Schema(Kind.ANY, Map.of(), null);

  private final Kind kind;
  private final Map<String, Schema> children;
  private final Schema element;

  private Schema(Kind kind, Map<String, Schema> children, Schema element) {
    this.kind = kind;
    this.children = Collections.unmodifiableMap(children);
    this.element = element;
  }

  /** A value of any shape, not looked into. */
  public static Schema any() {
    return ANY;
  }

  /** A table whose keys are all values of any shape. */
  public static Schema leaves(String... names) {
    Map<String, Schema> map = new LinkedHashMap<>();
    for (String n : names) {
      map.put(n, ANY);
    }
    return new Schema(Kind.TABLE, map, null);
  }

  /** A table of free names, each entry shaped like {@code entry}. */
  public static Schema mapOf(Schema entry) {
    return new Schema(Kind.MAP, Map.of(), entry);
  }

  /** This table plus plain keys. */
  public Schema plus(String... names) {
    Map<String, Schema> map = new LinkedHashMap<>(children);
    for (String n : names) {
      map.put(n, ANY);
    }
    return new Schema(Kind.TABLE, map, null);
  }

  /** This table plus a key with its own shape. */
  public Schema with(String name, Schema shape) {
    Map<String, Schema> map = new LinkedHashMap<>(children);
    map.put(name, shape);
    return new Schema(Kind.TABLE, map, null);
  }

  /** This table without some keys (what a later release dropped). */
  public Schema without(String... names) {
    Map<String, Schema> map = new LinkedHashMap<>(children);
    for (String n : names) {
      map.remove(n);
    }
    return new Schema(Kind.TABLE, map, null);
  }

  public Set<String> names() {
    return children.keySet();
  }

  public boolean knows(String name) {
    return kind != Kind.TABLE || children.containsKey(name);
  }

  /** The shape of {@code name}, if this is a table that knows it or a map. */
  public Optional<Schema> child(String name) {
    if (kind == Kind.MAP) {
      return Optional.of(element);
    }
    return Optional.ofNullable(children.get(name));
  }

  /** Every key under {@code table} this schema does not know, depth first. */
  public List<Unknown> unknownKeys(Located table) {
    List<Unknown> out = new ArrayList<>();
    walk(table, out);
    out.sort(java.util.Comparator.comparingInt(Unknown::line));
    return out;
  }

  private void walk(Located located, List<Unknown> out) {
    if (kind == Kind.ANY) {
      return;
    }
    TomlTable table = located.table();
    for (String name : table.keySet()) {
      if (kind == Kind.TABLE && !children.containsKey(name)) {
        out.add(
            new Unknown(
                name,
                located.keyOf(name),
                located.lineOf(name),
                Suggestions.nearest(name, children.keySet())));
        continue;
      }
      Schema shape = child(name).orElse(ANY);
      located.table(name).ifPresent(sub -> shape.walk(sub, out));
    }
  }
}
