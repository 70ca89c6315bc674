package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.toml.TomlKeys;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.ConfigFile;
import dev.pullproof.harness.validate.model.Located;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code config-deprecated}: registry settings containerd deprecated, with the release that
 * deprecated them and the one that removes them (containerd's RELEASES.md deprecation table as of
 * 2.1.9; the target moved before: 1.7's sources still said 2.0). Only registry sections a family
 * reads are looked at.
 *
 * <ul>
 *   <li>{@code mirrors}: deprecated in 1.5, removal planned for 2.3; works, logs a warning.
 *   <li>{@code configs.<host>.auth}: deprecated in 1.5 (configs), removal planned for 2.3.
 *   <li>{@code configs.<host>.tls}: deprecated, gone in 2.0: 2.x ignores it ({@code Ignoring
 *       unknown key in TOML for plugin}), so the CA, client certificate or skip-verify is lost.
 *   <li>{@code auths}: deprecated in 1.3, removal planned for 2.3.
 * </ul>
 */
public final class DeprecatedSettingRule implements Rule {
  public static final String ID = "config-deprecated";

  private static final Pattern TLS = Pattern.compile(".*\\.registry\\.configs\\..+\\.tls$");

  /** Whether this rule reports {@code key}, so the unknown-key rule need not. */
  static boolean covers(String key) {
    return TLS.matcher(key).matches();
  }

  @Override
  public List<Finding> check(NodeContext node) {
    ConfigFile config = node.config();
    List<Finding> out = new ArrayList<>();
    for (Located registry : config.allRegistries()) {
      List<ContainerdVersion> readers = new ArrayList<>();
      for (ContainerdVersion f : node.targets()) {
        Optional<Located> read = config.registryFor(f);
        if (read.isPresent() && read.get().key().equals(registry.key())) {
          readers.add(f);
        }
      }
      if (readers.isEmpty()) {
        continue;
      }
      if (registry.hasNonEmpty("mirrors")) {
        out.add(
            finding(
                config,
                registry.lineOf("mirrors"),
                registry.keyOf("mirrors"),
                readers,
                Severity.WARNING,
                "registry.mirrors is deprecated since containerd 1.5 (removal planned for 2.3);"
                    + " containerd still applies it and logs '`mirrors` is deprecated'. 2.x also"
                    + " falls back from the transfer service to the older local pull for it.",
                "Describe each mirror in <config_path>/<registry>/hosts.toml and set config_path"
                    + " instead (remove mirrors in the same change: both together stop the CRI"
                    + " plugin)."));
      }
      if (registry.hasNonEmpty("auths")) {
        out.add(
            finding(
                config,
                registry.lineOf("auths"),
                registry.keyOf("auths"),
                readers,
                Severity.WARNING,
                "registry.auths is deprecated since containerd 1.3 (removal planned for 2.3); it"
                    + " still works and logs '`auths` is deprecated'.",
                "Give credentials as Kubernetes imagePullSecrets or through a kubelet credential"
                    + " provider; hosts.toml has no credentials field."));
      }
      registry
          .table("configs")
          .ifPresent(configs -> configsFindings(config, configs, readers, out));
    }
    return out;
  }

  private static void configsFindings(
      ConfigFile config, Located configs, List<ContainerdVersion> readers, List<Finding> out) {
    for (String host : configs.keys()) {
      Optional<Located> entry = configs.table(host);
      if (entry.isEmpty()) {
        continue;
      }
      Located c = entry.get();
      if (c.has("auth")) {
        out.add(
            finding(
                config,
                c.lineOf("auth"),
                c.keyOf("auth"),
                readers,
                Severity.WARNING,
                "registry.configs."
                    + TomlKeys.part(host)
                    + ".auth is deprecated since containerd 1.5 (removal planned for 2.3); it still"
                    + " works. Credentials in config.toml are readable by anyone who can read the"
                    + " file.",
                "Give credentials as imagePullSecrets or through a kubelet credential provider."));
      }
      if (c.has("tls")) {
        List<ContainerdVersion> ones = Families.where(readers, ContainerdVersion::isOneX);
        List<ContainerdVersion> two = Families.twoX(readers);
        String fix =
            "Move it to <config_path>/"
                + host
                + "/hosts.toml: ca = \"ca.crt\", client = [[\"client.cert\", \"client.key\"]],"
                + " skip_verify (and set config_path).";
        if (!ones.isEmpty()) {
          out.add(
              finding(
                  config,
                  c.lineOf("tls"),
                  c.keyOf("tls"),
                  ones,
                  Severity.WARNING,
                  "registry.configs."
                      + TomlKeys.part(host)
                      + ".tls is deprecated; containerd 2.0 removed it.",
                  fix));
        }
        if (!two.isEmpty()) {
          out.add(
              finding(
                  config,
                  c.lineOf("tls"),
                  c.keyOf("tls"),
                  two,
                  Severity.ERROR,
                  "registry.configs."
                      + TomlKeys.part(host)
                      + ".tls was removed in containerd 2.0: 2.x ignores it (logged: 'Ignoring"
                      + " unknown key in TOML for plugin'), so its CA, client certificate and"
                      + " skip-verify are not used and TLS to "
                      + host
                      + " fails or loses its client certificate.",
                  fix));
        }
      }
    }
  }

  private static Finding finding(
      ConfigFile config,
      int line,
      String key,
      List<ContainerdVersion> families,
      Severity severity,
      String message,
      String fix) {
    return new Finding(ID, severity, config.doc().path(), line, key, families, message, fix);
  }
}
