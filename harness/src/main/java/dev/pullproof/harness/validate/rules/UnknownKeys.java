package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.validate.model.Schema;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects unknown keys per family and merges the same key across families into one entry. */
final class UnknownKeys {
  /** One unknown key and the families that do not know it. */
  record Merged(Schema.Unknown unknown, List<ContainerdVersion> families) {}

  private final Map<String, Schema.Unknown> first = new LinkedHashMap<>();
  private final Map<String, List<ContainerdVersion>> families = new LinkedHashMap<>();

  void add(ContainerdVersion family, Schema.Unknown unknown) {
    String id = unknown.line() + " " + unknown.key();
    first.putIfAbsent(id, unknown);
    List<ContainerdVersion> list = families.computeIfAbsent(id, k -> new ArrayList<>());
    if (!list.contains(family)) {
      list.add(family);
    }
  }

  List<Merged> merged() {
    List<Merged> out = new ArrayList<>();
    first.forEach((id, u) -> out.add(new Merged(u, families.get(id))));
    return out;
  }
}
