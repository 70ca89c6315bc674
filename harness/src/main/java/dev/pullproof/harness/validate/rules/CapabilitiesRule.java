package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.HostEntry;
import dev.pullproof.harness.validate.model.NodeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tomlj.TomlArray;

/**
 * {@code hosts-bad-capability}: a capability other than pull, resolve and push. containerd rejects
 * the whole file ({@code unknown capability}), logs {@code failed to decode hosts.toml} and pulls
 * that registry with its defaults.
 */
public final class CapabilitiesRule implements Rule {
  public static final String ID = "hosts-bad-capability";
  private static final List<String> KNOWN = List.of("pull", "resolve", "push");

  @Override
  public List<Finding> check(NodeContext node) {
    List<Finding> out = new ArrayList<>();
    for (HostEntryAt at : HostEntryAt.all(node)) {
      HostEntry entry = at.entry();
      Object value = entry.table().value("capabilities").orElse(null);
      if (!(value instanceof TomlArray array)) {
        continue;
      }
      for (int i = 0; i < array.size(); i++) {
        Object c = array.get(i);
        String text = c instanceof String s ? s : String.valueOf(c);
        if (KNOWN.contains(text.toLowerCase(Locale.ROOT))) {
          continue;
        }
        out.add(
            at.at(
                "capabilities",
                ID,
                Severity.ERROR,
                node.targets(),
                "unknown capability '"
                    + text
                    + "': containerd rejects the whole hosts.toml, logs 'failed to decode"
                    + " hosts.toml' and pulls "
                    + at.dir().name()
                    + " with its defaults.",
                "Use only \"pull\", \"resolve\" and \"push\"."));
      }
    }
    return out;
  }
}
