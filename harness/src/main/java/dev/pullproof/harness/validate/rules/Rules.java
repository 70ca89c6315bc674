package dev.pullproof.harness.validate.rules;

import java.util.List;

/** Every static rule, in no particular order (findings are sorted afterwards). */
public final class Rules {
  private Rules() {}

  public static List<Rule> all() {
    return List.of(
        new TomlSyntaxRule(),
        new ConfigVersionRule(),
        new ConfigMigrationRule(),
        new ConfigUnknownKeyRule(),
        new PluginSectionRule(),
        new PluginUnknownRule(),
        new ConfigPathMirrorsRule(),
        new ConfigsTlsRule(),
        new DeprecatedSettingRule(),
        new ConfigPathListRule(),
        new PullPathRule(),
        new HostDirMatchRule(),
        new HostsDirUnusedRule(),
        new HostsRootFileRule(),
        new HostsUnknownKeyRule(),
        new HostsNoHostTableRule(),
        new CapabilitiesRule(),
        new OverridePathRule(),
        new CertFileRule(),
        new PlainHttpRule(),
        new SkipVerifyRule(),
        new StaticAuthHeaderRule(),
        new NodeFilesRule());
  }
}
