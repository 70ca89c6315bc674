package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.NodeFiles;
import dev.pullproof.harness.validate.model.NodeContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code node-files}: the files and directories config.toml names on the node, which the node must
 * have besides config.toml and the hosts directory. The live check puts a stand-in in place of each
 * (its notes say which), so a missing file on the real node shows here, not in the live run.
 */
public final class NodeFilesRule implements Rule {
  public static final String ID = "node-files";

  @Override
  public List<Finding> check(NodeContext node) {
    List<Finding> out = new ArrayList<>();
    if (node.config().doc().root().isEmpty()) {
      return out;
    }
    List<NodeFiles.Reference> refs = NodeFiles.referencesIn(node.config().doc().root().get());
    if (refs.isEmpty()) {
      return out;
    }
    List<String> lines = new ArrayList<>();
    for (NodeFiles.Reference ref : refs) {
      lines.add(
          ref.path()
              + " ("
              + ref.kind().what()
              + ", "
              + ref.key()
              + (ref.line() > 0 ? " line " + ref.line() : "")
              + "): "
              + ref.kind().withoutIt());
    }
    out.add(
        new Finding(
            ID,
            Severity.INFO,
            node.config().doc().path(),
            refs.get(0).line(),
            "",
            node.targets(),
            "besides config.toml and the hosts directory, each node with this config must have: "
                + String.join("; ", lines)
                + ". The live check put a stand-in in place of each.",
            "Ship these with every node that uses this config."));
    return out;
  }
}
