package dev.pullproof.harness.validate.live;

import dev.pullproof.harness.version.PluginId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * What the live check needs from a user's config.toml, read leniently (the static checks judge the
 * file; here an unparsable file simply names no hosts): the hosts directory containerd's CRI plugin
 * reads and the hosts named by the deprecated registry tables, under every plugin name any version
 * uses, and the TLS files {@code registry.configs} points at.
 */
record NodeConfig(
    Optional<String> configPath,
    List<String> mirrorEndpoints,
    List<String> hosts,
    Map<String, String> tlsFiles) {
  /** registry.configs.*.tls keys and the world file that replaces each. */
  private static final String[][] TLS_FILES = {
    {"ca_file", "{{tls.ca_pem}}"},
    {"cert_file", "{{tls.client_cert_pem}}"},
    {"key_file", "{{tls.client_key_pem}}"}
  };

  static NodeConfig read(Path config) throws IOException {
    TomlParseResult toml = Toml.parse(config);
    Optional<String> configPath = Optional.empty();
    List<String> endpoints = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    Map<String, String> tlsFiles = new LinkedHashMap<>();
    for (PluginId plugin : PluginId.registryHolders()) {
      TomlTable registry = toml.getTable(List.of("plugins", plugin.id(), "registry"));
      if (registry == null) {
        continue;
      }
      if (configPath.isEmpty() && registry.isString("config_path")) {
        configPath = Optional.of(registry.getString("config_path"));
      }
      TomlTable mirrors = registry.getTable("mirrors");
      if (mirrors != null) {
        for (String host : mirrors.keySet()) {
          hosts.add(host);
          // By a one-element key path: a host such as docker.io is no dotted key.
          TomlArray list =
              mirrors.isArray(List.of(host, "endpoint"))
                  ? mirrors.getArray(List.of(host, "endpoint"))
                  : null;
          for (int i = 0; list != null && i < list.size(); i++) {
            if (list.get(i) instanceof String url) {
              endpoints.add(url);
            }
          }
        }
      }
      TomlTable configs = registry.getTable("configs");
      if (configs != null) {
        hosts.addAll(configs.keySet());
        for (String host : configs.keySet()) {
          TomlTable tls =
              configs.isTable(List.of(host, "tls")) ? configs.getTable(List.of(host, "tls")) : null;
          for (int i = 0; tls != null && i < TLS_FILES.length; i++) {
            if (tls.isString(TLS_FILES[i][0])) {
              tlsFiles.put(tls.getString(TLS_FILES[i][0]), TLS_FILES[i][1]);
            }
          }
        }
      }
    }
    return new NodeConfig(configPath, endpoints, hosts, tlsFiles);
  }

  /** The first directory of config_path: where containerd looks first for hosts directories. */
  Optional<String> hostsDirectory() {
    return configPath.map(p -> p.split(":")[0]).filter(p -> !p.isBlank());
  }
}
