package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.Layout;
import java.util.List;

/**
 * {@code config-v2-on-2x}: a version 2 file given to 2.x is migrated in memory on every start
 * (logged: {@code Configuration migrated from version 2}); its config_path is still honoured
 * (observed: scenarios/hosts/config-v2-on-2x-works).
 */
public final class ConfigMigrationRule implements Rule {
  public static final String ID = "config-v2-on-2x";

  @Override
  public List<Finding> check(NodeContext node) {
    List<ContainerdVersion> twos = Families.twoX(node.targets());
    if (twos.isEmpty()
        || node.config().root().isEmpty()
        || node.config().layout(ContainerdVersion.V2) != Layout.V2_MIGRATED) {
      return List.of();
    }
    return List.of(
        new Finding(
            ID,
            Severity.INFO,
            node.config().doc().path(),
            node.config().versionLine(),
            "version",
            twos,
            "A version 2 file on 2.x: containerd migrates it in memory on every start (it logs"
                + " 'Configuration migrated from version 2'); CRI settings move to"
                + " io.containerd.cri.v1.images and io.containerd.cri.v1.runtime, keys 2.x dropped"
                + " are ignored.",
            "Once no node needs to roll back to 1.x, write the migrated file with `containerd config"
                + " migrate` (1.6/1.7 cannot read the version 3 result)."));
  }
}
