package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.toml.TomlFile;
import dev.pullproof.harness.toml.TomlKeys;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.HostDir;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.ArrayList;
import java.util.List;
import org.tomlj.TomlTable;

/**
 * {@code hosts-no-host-table}: a hosts.toml without any {@code [host."URL"]} table. 1.6 and 1.7
 * reject it ({@code invalid `host` tree}), log {@code failed to decode hosts.toml} and use their
 * defaults, so a mirror given only as {@code server} is not used there; 2.x uses the server line
 * (observed: mirrors/mirror-only-server-line).
 */
public final class HostsNoHostTableRule implements Rule {
  public static final String ID = "hosts-no-host-table";

  @Override
  public List<Finding> check(NodeContext node) {
    var ones = Families.where(node.targets(), ContainerdVersion::isOneX);
    List<Finding> out = new ArrayList<>();
    if (ones.isEmpty()) {
      return out;
    }
    for (HostDir dir : node.hostsFiles()) {
      TomlFile doc = dir.hostsToml().orElseThrow();
      if (doc.root().isEmpty() || doc.root().get().get(List.of("host")) instanceof TomlTable) {
        continue;
      }
      String server = doc.root().get().getString("server");
      String url = server == null ? "https://" + dir.name() : server;
      out.add(
          new Finding(
              ID,
              Severity.ERROR,
              doc.path(),
              server == null ? 1 : TomlKeys.line(doc.root().get(), "server", 1),
              server == null ? "" : "server",
              ones,
              "hosts.toml has no [host.\"...\"] table: containerd "
                  + Families.label(ones)
                  + " rejects the file ('invalid `host` tree'), logs 'failed to decode hosts.toml'"
                  + " and pulls "
                  + dir.name()
                  + " with its defaults"
                  + (server == null ? "." : ", not through " + server + "."),
              "Add the server as a host entry too: [host.\""
                  + url
                  + "\"] with capabilities ="
                  + " [\"pull\", \"resolve\"]."));
    }
    return out;
  }
}
