package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code pull-path}: which path 2.x pulls CRI images through and why ({@link PullPath}). It decides
 * what 2.x does with a {@code config_path} list, and the live check confirms or contradicts it with
 * 2.x's {@code Falling back to local image pull mode} line.
 */
public final class PullPathRule implements Rule {
  public static final String ID = "pull-path";

  @Override
  public List<Finding> check(NodeContext node) {
    List<ContainerdVersion> twos =
        Families.where(node.targets(), f -> f.line().criPullsThroughTransfer());
    List<ContainerdVersion> twoZero =
        Families.where(node.targets(), f -> !f.isOneX() && !f.line().criPullsThroughTransfer());
    List<Finding> out = new ArrayList<>();
    if (!twoZero.isEmpty() && node.config().root().isPresent()) {
      out.add(
          new Finding(
              ID,
              Severity.INFO,
              node.config().doc().path(),
              0,
              "",
              twoZero,
              "containerd "
                  + Families.label(twoZero)
                  + " always pulls CRI images through the local image pull (the transfer service"
                  + " path for CRI came in 2.1, and with it use_local_image_pull): a"
                  + " colon-separated config_path is split into directories, and mirrors/configs"
                  + " are read as on 1.x.",
              ""));
    }
    if (twos.isEmpty()) {
      return out;
    }
    if (node.config().root().isEmpty()) {
      return out;
    }
    Optional<PullPath> path = PullPath.of(node.config());
    if (path.isEmpty()) {
      return out;
    }
    PullPath p = path.get();
    String message =
        p.local()
            ? "containerd 2.x pulls CRI images through the local image pull, not the transfer"
                + " service: "
                + (p.goName().isEmpty()
                    ? "use_local_image_pull = true."
                    : p.key() + " (" + p.reason() + "); it logs '" + p.logged() + "'.")
                + " On this path a colon-separated config_path is split into directories."
            : "containerd 2.x pulls CRI images through the transfer service (the default: none of"
                + " use_local_image_pull, disable_snapshot_annotations = false,"
                + " discard_unpacked_layers, registry.mirrors/configs/auths,"
                + " max_concurrent_downloads other than 3, image_pull_with_sync_fs is set). On this"
                + " path config_path is one directory.";
    out.add(
        new Finding(
            ID,
            Severity.INFO,
            node.config().doc().path(),
            p.line(),
            p.dottedKey(),
            twos,
            message,
            ""));
    return out;
  }
}
