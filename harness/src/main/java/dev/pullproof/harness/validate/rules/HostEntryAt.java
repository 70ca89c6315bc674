package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.HostDir;
import dev.pullproof.harness.validate.model.HostEntry;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One host entry of a hosts.toml with the directory it came from: what the hosts rules walk. */
record HostEntryAt(HostDir dir, HostEntry entry) {

  /** Every entry of every hosts.toml the node has, directory by directory, in file order. */
  static List<HostEntryAt> all(NodeContext node) {
    List<HostEntryAt> out = new ArrayList<>();
    for (HostDir dir : node.hostsFiles()) {
      for (HostEntry entry : HostEntry.of(dir.hostsToml().orElseThrow())) {
        out.add(new HostEntryAt(dir, entry));
      }
    }
    return out;
  }

  Path file() {
    return dir.hostsToml().orElseThrow().path();
  }

  /** A finding located at this entry's setting {@code name}: its line and its full key. */
  Finding at(
      String name,
      String rule,
      Severity severity,
      List<ContainerdVersion> versions,
      String message,
      String fix) {
    return new Finding(
        rule,
        severity,
        file(),
        entry.table().lineOf(name),
        entry.keyOf(name),
        versions,
        message,
        fix);
  }
}
