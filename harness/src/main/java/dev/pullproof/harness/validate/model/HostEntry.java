package dev.pullproof.harness.validate.model;

import dev.pullproof.harness.toml.TomlFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One host's settings in a hosts.toml: a {@code [host."URL"]} table, or the file's top level whose
 * URL is {@code server} (empty when there is no server line).
 */
public record HostEntry(String url, Located table, boolean topLevel) {

  /** The top level first, then each {@code [host."URL"]} in file order. */
  public static List<HostEntry> of(TomlFile doc) {
    List<HostEntry> out = new ArrayList<>();
    if (doc.root().isEmpty()) {
      return out;
    }
    Located root = new Located(doc.root().get(), "", 1);
    out.add(new HostEntry(root.string("server").orElse(""), root, true));
    Optional<Located> hosts = root.table("host");
    if (hosts.isPresent()) {
      List<HostEntry> entries = new ArrayList<>();
      for (String url : hosts.get().keys()) {
        hosts.get().table(url).ifPresent(t -> entries.add(new HostEntry(url, t, false)));
      }
      entries.sort(java.util.Comparator.comparingInt(e -> e.table().line()));
      out.addAll(entries);
    }
    return out;
  }

  /** The line of the URL: the {@code server} line or the table header. */
  public int urlLine() {
    return topLevel ? table.lineOf("server") : table.line();
  }

  /** The key naming this entry's setting {@code name}. */
  public String keyOf(String name) {
    return table.keyOf(name);
  }
}
