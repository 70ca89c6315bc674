package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.ConfigFile;
import dev.pullproof.harness.validate.model.CriSections;
import dev.pullproof.harness.validate.model.Located;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.Layout;
import dev.pullproof.harness.version.PluginId;
import dev.pullproof.harness.version.ReleaseLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code config-plugin-ignored}: settings under a plugin name the family does not read there.
 *
 * <ul>
 *   <li>1.x reading a version 1 file: every {@code plugins."io.containerd...."} section (observed:
 *       writeup/step1-config-reproduce, 1.6 logs an empty ConfigPath).
 *   <li>1.x, version 2: the 2.x plugins {@code io.containerd.cri.v1.*} do not exist; a short id
 *       ({@code plugins.cri}) makes it refuse to start ({@code invalid plugin key URI}).
 *   <li>2.x reading version 3: CRI image and runtime settings left under {@code
 *       io.containerd.grpc.v1.cri} are ignored with {@code Ignoring unknown key in TOML for plugin}
 *       (observed: hosts/v3-old-plugin-name-reproduce, hosts never read).
 * </ul>
 *
 * Sections holding registry settings are errors: the hosts directory and mirrors are then unused.
 */
public final class PluginSectionRule implements Rule {
  public static final String ID = "config-plugin-ignored";

  private record Issue(Severity severity, String key, int line, String message, String fix) {}

  @Override
  public List<Finding> check(NodeContext node) {
    ConfigFile config = node.config();
    if (config.root().isEmpty()) {
      return List.of();
    }
    Map<Issue, List<ContainerdVersion>> issues = new LinkedHashMap<>();
    for (ContainerdVersion family : node.targets()) {
      for (ConfigFile.Section section : config.plugins()) {
        for (Issue issue : issues(config, family, section)) {
          issues.computeIfAbsent(issue, k -> new ArrayList<>()).add(family);
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    issues.forEach(
        (issue, families) ->
            out.add(
                new Finding(
                    ID,
                    issue.severity(),
                    config.doc().path(),
                    issue.line(),
                    issue.key(),
                    families,
                    "containerd " + Families.label(families) + ": " + issue.message(),
                    issue.fix())));
    return out;
  }

  private List<Issue> issues(
      ConfigFile config, ContainerdVersion family, ConfigFile.Section section) {
    Located table = section.table();
    String id = section.id();
    Layout layout = config.layout(family);
    Severity severity = table.has("registry") ? Severity.ERROR : Severity.WARNING;
    String consequence =
        table.has("registry")
            ? " Its registry settings (config_path, mirrors, configs) are never used."
            : "";
    if (layout == Layout.V1_SHORT_IDS && id.contains(".")) {
      return List.of(
          new Issue(
              severity,
              table.key(),
              table.line(),
              "the file has no version = 2 line, so it is read as version 1, where plugins are"
                  + " named by short id: this section is ignored without a word."
                  + consequence,
              "Add version = 2 as the first line of the file."));
    }
    if (layout == Layout.V2 && !validUri(family, id)) {
      return List.of(
          new Issue(
              Severity.ERROR,
              table.key(),
              table.line(),
              "in a version 2 file plugins are named by full id (io.containerd.<type>.<version>.<name>);"
                  + " '"
                  + id
                  + "' makes containerd refuse to start (invalid plugin key URI).",
              id.equals(PluginId.SHORT_CRI.id())
                  ? "Rename the section to plugins.\"" + PluginId.GRPC_CRI.id() + "\"."
                  : "Use the plugin's full id."));
    }
    if (layout == Layout.V2
        && (id.equals(PluginId.CRI_IMAGES.id()) || id.equals(PluginId.CRI_RUNTIME.id()))) {
      return List.of(
          new Issue(
              severity,
              table.key(),
              table.line(),
              "the plugin "
                  + id
                  + " exists only in 2.x; this section is ignored without a word."
                  + consequence,
              "For 1.6/1.7 put these settings under plugins.\"" + PluginId.GRPC_CRI.id() + "\"."));
    }
    boolean oldCriName =
        id.equals(PluginId.GRPC_CRI.id())
            || (id.equals(PluginId.SHORT_CRI.id()) && config.version() < 2);
    if (layout == Layout.V3 && oldCriName) {
      List<Issue> out = new ArrayList<>();
      for (String key : table.keys()) {
        Optional<String> target = CriSections.movedInV3(key);
        if (target.isEmpty()) {
          continue;
        }
        boolean registry = key.equals("registry");
        out.add(
            new Issue(
                registry ? Severity.ERROR : Severity.WARNING,
                table.keyOf(key),
                table.lineOf(key),
                "in a version 3 config this plugin keeps only the CRI server settings; '"
                    + key
                    + "' is ignored (logged: 'Ignoring unknown key in TOML for plugin')."
                    + (registry ? " The hosts directory and mirrors are never used." : ""),
                "Move it to plugins.\"" + target.get() + "\"."));
      }
      return out;
    }
    return List.of();
  }

  /** 1.7 wants io.containerd.x.y.z; 1.6 only four dot-separated parts. */
  static boolean validUri(ContainerdVersion family, String id) {
    boolean fourParts = id.split("\\.", -1).length >= 4;
    return family.line() == ReleaseLine.V1_6
        ? fourParts
        : fourParts && id.startsWith("io.containerd.");
  }
}
