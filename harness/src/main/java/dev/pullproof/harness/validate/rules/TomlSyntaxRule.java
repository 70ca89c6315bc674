package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Problem;
import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.toml.TomlFile;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.HostDir;
import dev.pullproof.harness.validate.model.NodeContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code toml-syntax}: a file that does not parse. containerd refuses to start on a config.toml it
 * cannot decode; a hosts.toml it cannot decode is logged ({@code failed to decode hosts.toml}) and
 * ignored, so that registry silently gets default settings (observed on 1.6, 1.7 and 2.x:
 * scenarios/hosts/unparsable-hosts-reproduce).
 */
public final class TomlSyntaxRule implements Rule {
  public static final String ID = "toml-syntax";

  @Override
  public List<Finding> check(NodeContext node) {
    List<Finding> out = new ArrayList<>();
    TomlFile config = node.config().doc();
    for (Problem p : config.problems()) {
      out.add(
          new Finding(
              ID,
              Severity.ERROR,
              config.path(),
              p.line(),
              "",
              node.targets(),
              "config.toml: "
                  + p.message()
                  + ": containerd refuses to start with a config it cannot decode.",
              "Correct the TOML at this line (check quotes around plugin names and closing brackets)."));
    }
    for (HostDir dir : node.hostsFiles()) {
      TomlFile doc = dir.hostsToml().orElseThrow();
      for (Problem p : doc.problems()) {
        out.add(
            new Finding(
                ID,
                Severity.ERROR,
                doc.path(),
                p.line(),
                "",
                node.targets(),
                "hosts.toml: "
                    + p.message()
                    + ": containerd logs 'failed to decode hosts.toml' and ignores the whole file, so "
                    + dir.name()
                    + " is pulled with default settings (HTTPS to the registry itself, no mirror).",
                "Correct the TOML at this line; table names close with ']' and URLs need quotes: "
                    + "[host.\"https://mirror.example\"]."));
      }
    }
    return out;
  }
}
