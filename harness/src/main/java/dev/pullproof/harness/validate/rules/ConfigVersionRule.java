package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.ConfigFile;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.Layout;
import dev.pullproof.harness.version.ReleaseLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code config-version}: the {@code version} line as each family reads it. Without one, 1.6 and
 * 1.7 read the file as version 1 (plugin sections by short id; observed:
 * scenarios/writeup/step1-config-reproduce) and 2.x reads it as version 3 after renaming short ids;
 * 1.7 refuses a version above 2, 2.x one above 3; 1.6 does not check and reads any other number as
 * version 2.
 */
public final class ConfigVersionRule implements Rule {
  public static final String ID = "config-version";

  @Override
  public List<Finding> check(NodeContext node) {
    ConfigFile config = node.config();
    if (config.root().isEmpty()) {
      return List.of();
    }
    Path file = config.doc().path();
    int line = config.versionLine();
    Optional<Object> raw = config.root().get().value("version");
    if (raw.isPresent() && !(raw.get() instanceof Long)) {
      return List.of(
          new Finding(
              ID,
              Severity.ERROR,
              file,
              line,
              "version",
              node.targets(),
              "version must be an integer; containerd cannot decode the file and refuses to start.",
              "Write version = 2 (containerd 1.6/1.7) or version = 3 (2.x), without quotes."));
    }
    long version = config.version();
    List<Finding> out = new ArrayList<>();
    List<ContainerdVersion> refused =
        Families.where(node.targets(), f -> config.layout(f) == Layout.REFUSED);
    if (!refused.isEmpty()) {
      out.add(
          new Finding(
              ID,
              Severity.ERROR,
              file,
              line,
              "version",
              refused,
              "version = "
                  + version
                  + " is newer than containerd "
                  + Families.label(refused)
                  + " reads: it refuses to start (unsupported config version).",
              "Use version = 2 for containerd 1.6/1.7 and version = 3 for 2.x; a version 2 file also"
                  + " works on 2.x (migrated in memory)."));
    }
    if (version < 2) {
      List<ContainerdVersion> ones = Families.where(node.targets(), ContainerdVersion::isOneX);
      if (!ones.isEmpty()) {
        out.add(
            new Finding(
                ID,
                Severity.WARNING,
                file,
                line,
                "version",
                ones,
                (version == 0 ? "No version line: " : "version = 1: ")
                    + "containerd "
                    + Families.label(ones)
                    + " reads this file as version 1, where plugin sections are named by short id"
                    + " (plugins.cri); every plugins.\"io.containerd....\" section is ignored"
                    + " without a word.",
                "Add version = 2 as the first line (1.6/1.7 then read plugins.\"io.containerd.grpc.v1.cri\")."));
      }
      List<ContainerdVersion> twos = Families.twoX(node.targets());
      if (!twos.isEmpty()) {
        out.add(
            new Finding(
                ID,
                Severity.INFO,
                file,
                line,
                "version",
                twos,
                (version == 0 ? "No version line: " : "version = 1: ")
                    + "2.x renames short plugin ids and then reads the file as version 3: CRI"
                    + " settings under io.containerd.grpc.v1.cri are not moved to the 2.x plugins.",
                "Write version = 2 (migrated by 2.x) or a version 3 file for 2.x only."));
      }
    }
    List<ContainerdVersion> sixes = Families.on(node.targets(), ReleaseLine.V1_6);
    if (version == 3 && !sixes.isEmpty()) {
      out.add(
          new Finding(
              ID,
              Severity.WARNING,
              file,
              line,
              "version",
              sixes,
              "version = 3 on containerd 1.6: it does not check the number and reads the file as"
                  + " version 2, so sections of 2.x plugins (io.containerd.cri.v1.images, .runtime)"
                  + " do not exist for it and are ignored.",
              "Keep a version 2 file for 1.6 nodes."));
    }
    return out;
  }
}
