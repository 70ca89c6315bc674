package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.text.Suggestions;
import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.toml.TomlFile;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.HostDir;
import dev.pullproof.harness.validate.model.KeyCatalog;
import dev.pullproof.harness.validate.model.Located;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.validate.model.Schema;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hosts-unknown-key}: keys hosts.toml does not have (known: server, capabilities, ca,
 * client, skip_verify, header, override_path, and from 2.1 dial_timeout). Every version ignores
 * them without a word. {@code credential_helper} in particular was proposed and never merged:
 * containerd never runs the helper and pulls anonymously (observed:
 * writeup/credential-helper-reproduce).
 */
public final class HostsUnknownKeyRule implements Rule {
  public static final String ID = "hosts-unknown-key";

  @Override
  public List<Finding> check(NodeContext node) {
    List<Finding> out = new ArrayList<>();
    for (HostDir dir : node.hostsFiles()) {
      TomlFile doc = dir.hostsToml().orElseThrow();
      if (doc.root().isEmpty()) {
        continue;
      }
      Located root = new Located(doc.root().get(), "", 1);
      UnknownKeys unknowns = new UnknownKeys();
      for (ContainerdVersion family : node.targets()) {
        for (Schema.Unknown u : KeyCatalog.hostsFile(family).unknownKeys(root)) {
          unknowns.add(family, u);
        }
      }
      for (UnknownKeys.Merged m : unknowns.merged()) {
        out.add(finding(doc, m));
      }
    }
    return out;
  }

  private static Finding finding(TomlFile doc, UnknownKeys.Merged m) {
    Schema.Unknown u = m.unknown();
    String who = "containerd " + Families.label(m.families());
    if (u.name().startsWith("credential")) {
      return warning(
          doc,
          m,
          "hosts.toml has no credential field ('"
              + u.name()
              + "' was proposed for containerd and never merged): "
              + who
              + " ignores it silently, never runs the helper and pulls anonymously; a private"
              + " repository then fails with 'pull access denied ... insufficient_scope'.",
          "Remove it. Give credentials as Kubernetes imagePullSecrets or a kubelet image credential"
              + " provider (which can wrap the same helper).");
    }
    if (u.name().equals("dial_timeout")) {
      return warning(
          doc,
          m,
          "dial_timeout exists from containerd 2.1 (the 2.x targeted here is 2.1.9): "
              + who
              + " ignores it silently.",
          "Keep it only for nodes on 2.1 or later; older ones use the built-in dial timeout.");
    }
    return warning(
        doc,
        m,
        "'"
            + u.name()
            + "' is not a hosts.toml key: "
            + who
            + " ignores it silently."
            + Suggestions.didYouMeanSentence(u.suggestion()),
        u.suggestion().isPresent()
            ? "Rename it to '" + u.suggestion().get() + "'."
            : "Remove it (known keys: server, capabilities, ca, client, skip_verify, header,"
                + " override_path; 2.1+ also dial_timeout).");
  }

  /** A warning at the unknown key, for the families that do not know it. */
  private static Finding warning(TomlFile doc, UnknownKeys.Merged m, String message, String fix) {
    Schema.Unknown u = m.unknown();
    return new Finding(
        ID, Severity.WARNING, doc.path(), u.line(), u.key(), m.families(), message, fix);
  }
}
