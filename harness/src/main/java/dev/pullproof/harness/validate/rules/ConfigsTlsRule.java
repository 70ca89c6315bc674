package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.ConfigFile;
import dev.pullproof.harness.validate.model.Located;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code config-path-with-configs-tls}: {@code registry.configs.<host>.tls} next to {@code
 * config_path}: 1.6 and 1.7 refuse to load the CRI plugin ({@code `configs.tls` cannot be set when
 * `config_path` is provided}; an empty config_path is not set, pkg/cri/config/config.go of 1.7.24).
 * 2.x no longer knows {@code tls} there (see config-deprecated).
 */
public final class ConfigsTlsRule implements Rule {
  public static final String ID = "config-path-with-configs-tls";

  @Override
  public List<Finding> check(NodeContext node) {
    ConfigFile config = node.config();
    Map<String, List<ContainerdVersion>> byKey = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (ContainerdVersion family : Families.where(node.targets(), ContainerdVersion::isOneX)) {
      Optional<Located> registry = config.registryFor(family);
      if (registry.flatMap(r -> r.setString("config_path")).isEmpty()) {
        continue;
      }
      Optional<Located> configs = registry.get().table("configs");
      if (configs.isEmpty()) {
        continue;
      }
      for (String host : configs.get().keys()) {
        configs
            .get()
            .table(host)
            .filter(c -> c.has("tls"))
            .ifPresent(
                c -> {
                  byKey.computeIfAbsent(c.keyOf("tls"), k -> new ArrayList<>()).add(family);
                  lines.put(c.keyOf("tls"), c.lineOf("tls"));
                });
      }
    }
    List<Finding> out = new ArrayList<>();
    byKey.forEach(
        (key, families) ->
            out.add(
                new Finding(
                    ID,
                    Severity.ERROR,
                    config.doc().path(),
                    lines.get(key),
                    key,
                    families,
                    "configs.*.tls together with config_path: containerd "
                        + Families.label(families)
                        + " refuses to load the CRI plugin (`configs.tls` cannot be set when"
                        + " `config_path` is provided).",
                    "Move the TLS settings to <config_path>/<registry>/hosts.toml: ca = \"ca.crt\","
                        + " client = [[\"client.cert\", \"client.key\"]], skip_verify.")));
    return out;
  }
}
