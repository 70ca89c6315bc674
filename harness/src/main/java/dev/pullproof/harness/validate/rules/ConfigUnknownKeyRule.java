package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.text.Suggestions;
import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.ConfigFile;
import dev.pullproof.harness.validate.model.CriSections;
import dev.pullproof.harness.validate.model.KeyCatalog;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.validate.model.Schema;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.Layout;
import dev.pullproof.harness.version.PluginId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code config-unknown-key}: keys of config.toml a family does not know, at the top level and in
 * the CRI sections it reads. 1.6 and 1.7 ignore them without a word; 2.x logs {@code Ignoring
 * unknown key in TOML} and ignores them. Keys 2.x dropped from the CRI layout are reported by
 * {@link DeprecatedSettingRule}, keys under the wrong 2.x plugin by {@link PluginSectionRule}.
 */
public final class ConfigUnknownKeyRule implements Rule {
  public static final String ID = "config-unknown-key";

  @Override
  public List<Finding> check(NodeContext node) {
    ConfigFile config = node.config();
    if (config.root().isEmpty()) {
      return List.of();
    }
    UnknownKeys unknowns = new UnknownKeys();
    for (ContainerdVersion family : node.targets()) {
      if (config.layout(family) == Layout.REFUSED) {
        continue;
      }
      for (Schema.Unknown u : KeyCatalog.topLevel(family).unknownKeys(config.root().get())) {
        unknowns.add(family, u);
      }
      for (CriSections.Read section : CriSections.read(config, family)) {
        for (Schema.Unknown u : section.schema().unknownKeys(section.table())) {
          if (DeprecatedSettingRule.covers(u.key())) {
            continue;
          }
          boolean movedIn3 =
              config.layout(family) == Layout.V3
                  && section.pluginId() != PluginId.CRI_IMAGES
                  && section.pluginId() != PluginId.CRI_RUNTIME
                  && CriSections.movedInV3(u.name()).isPresent()
                  && u.key().equals(section.table().keyOf(u.name()));
          if (!movedIn3) {
            unknowns.add(family, u);
          }
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    for (UnknownKeys.Merged m : unknowns.merged()) {
      out.add(
          new Finding(
              ID,
              Severity.WARNING,
              config.doc().path(),
              m.unknown().line(),
              m.unknown().key(),
              m.families(),
              "'"
                  + m.unknown().name()
                  + "' is not a key containerd "
                  + Families.label(m.families())
                  + " knows here: "
                  + behaviour(m.families())
                  + "."
                  + Suggestions.didYouMeanSentence(m.unknown().suggestion()),
              m.unknown().suggestion().isPresent()
                  ? "Rename it to '" + m.unknown().suggestion().get() + "'."
                  : "Remove it, or move it where this containerd version reads it (see"
                      + " `containerd config default`)."));
    }
    return out;
  }

  static String behaviour(List<ContainerdVersion> families) {
    boolean one = families.stream().anyMatch(ContainerdVersion::isOneX);
    boolean two = families.stream().anyMatch(f -> !f.isOneX());
    if (one && two) {
      return "1.x ignores it silently, 2.x logs 'Ignoring unknown key in TOML' and ignores it";
    }
    return one ? "it is ignored silently" : "it logs 'Ignoring unknown key in TOML' and ignores it";
  }
}
