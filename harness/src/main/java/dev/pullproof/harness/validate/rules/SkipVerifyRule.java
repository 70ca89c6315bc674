package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.HostEntry;
import dev.pullproof.harness.validate.model.NodeContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hosts-skip-verify}: {@code skip_verify = true}: the registry's certificate is not checked.
 */
public final class SkipVerifyRule implements Rule {
  public static final String ID = "hosts-skip-verify";

  @Override
  public List<Finding> check(NodeContext node) {
    List<Finding> out = new ArrayList<>();
    for (HostEntryAt at : HostEntryAt.all(node)) {
      HostEntry entry = at.entry();
      if (!Boolean.TRUE.equals(entry.table().value("skip_verify").orElse(false))) {
        continue;
      }
      out.add(
          at.at(
              "skip_verify",
              ID,
              Severity.WARNING,
              node.targets(),
              "skip_verify = true"
                  + (entry.url().isEmpty() ? "" : " for " + entry.url())
                  + ": containerd accepts any certificate, so anyone on the path can serve the"
                  + " node images (and receive its credentials).",
              "Trust the registry's CA instead: ca = \"ca.crt\" next to hosts.toml."));
    }
    return out;
  }
}
