package dev.pullproof.harness.validate.live;

import dev.pullproof.harness.validate.model.ImageRef;
import dev.pullproof.harness.version.PluginId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * The credentials a node's files carry (config.toml {@code registry.configs.<host>.auth}, static
 * {@code authorization = "Basic ..."} headers in hosts.toml), by host: the users an {@code auth}
 * host of the live check accepts, and the secrets every output must mask.
 */
public final class Credentials {
  private final Map<String, Map<String, String>> usersByHost = new LinkedHashMap<>();
  private final Set<String> secrets = new LinkedHashSet<>();

  private Credentials() {}

  /** Reads both places; files that do not parse contribute what they can. */
  public static Credentials read(Path config, java.util.Optional<Path> hostsDir)
      throws IOException {
    Credentials c = new Credentials();
    c.fromConfig(Toml.parse(config));
    if (hostsDir.isPresent()) {
      try (Stream<Path> walk = Files.walk(hostsDir.get())) {
        for (Path f : walk.filter(p -> p.getFileName().toString().equals("hosts.toml")).toList()) {
          c.fromHostsFile(f.getParent().getFileName().toString(), Toml.parse(f));
        }
      }
    }
    return c;
  }

  /** Every secret found, raw and encoded, for the redactor. */
  public Set<String> secrets() {
    return Set.copyOf(secrets);
  }

  /** The {@code auth = ...} line of an impersonated host: its users, or one nobody knows. */
  String authLine(Endpoint e, boolean token) {
    Map<String, String> users = new LinkedHashMap<>();
    for (String key : List.of(e.host(), e.hostAndPort(), hubAlias(e))) {
      users.putAll(usersByHost.getOrDefault(key, Map.of()));
    }
    if (users.isEmpty()) {
      users.put("nobody", UUID.randomUUID().toString());
    }
    StringBuilder line =
        new StringBuilder("auth = { type = \"").append(token ? "token" : "basic").append("\"");
    line.append(", users = { ");
    line.append(
        String.join(
            ", ",
            users.entrySet().stream()
                .map(
                    u ->
                        "\""
                            + LiveWorld.escape(u.getKey())
                            + "\" = \""
                            + LiveWorld.escape(u.getValue())
                            + "\"")
                .toList()));
    return line.append(" } }\n").toString();
  }

  private static String hubAlias(Endpoint e) {
    return e.host().equals("registry-1.docker.io") ? ImageRef.DOCKER_HUB : e.host();
  }

  private void fromConfig(TomlParseResult toml) {
    for (PluginId plugin : PluginId.registryHolders()) {
      TomlTable configs = toml.getTable(List.of("plugins", plugin.id(), "registry", "configs"));
      if (configs == null) {
        continue;
      }
      for (String host : configs.keySet()) {
        TomlTable auth =
            configs.isTable(List.of(host, "auth")) ? configs.getTable(List.of(host, "auth")) : null;
        if (auth == null) {
          continue;
        }
        String user = auth.getString("username");
        String password = auth.getString("password");
        if (user != null && password != null) {
          add(host, user, password);
        }
        if (auth.getString("auth") != null) {
          secrets.add(auth.getString("auth"));
          basic(host, auth.getString("auth"));
        }
        if (auth.getString("identitytoken") != null) {
          secrets.add(auth.getString("identitytoken"));
        }
      }
    }
  }

  private void fromHostsFile(String directory, TomlParseResult toml) {
    header(hostOfDirectory(directory), toml.getTable("header"));
    TomlTable hosts = toml.getTable("host");
    if (hosts == null) {
      return;
    }
    for (String url : hosts.keySet()) {
      String host;
      try {
        host = Endpoint.ofUrl(url).host();
      } catch (IllegalArgumentException e) {
        continue;
      }
      header(host, hosts.getTable(List.of(url, "header")));
    }
  }

  private void header(String host, TomlTable header) {
    if (header == null) {
      return;
    }
    for (String name : header.keySet()) {
      if (!name.equalsIgnoreCase("authorization") || !header.isString(List.of(name))) {
        continue;
      }
      String value = header.getString(List.of(name));
      secrets.add(value);
      String[] parts = value.strip().split("\\s+", 2);
      if (parts.length == 2) {
        secrets.add(parts[1]);
        if (parts[0].equalsIgnoreCase("basic")) {
          basic(host, parts[1]);
        }
      }
    }
  }

  /** Decodes {@code base64(user:password)}; anything else is only masked. */
  private void basic(String host, String encoded) {
    try {
      String pair = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      if (colon > 0) {
        add(host, pair.substring(0, colon), pair.substring(colon + 1));
      }
    } catch (IllegalArgumentException e) {
      // Not base64: containerd will send it as written; no user can match it.
    }
  }

  private void add(String host, String user, String password) {
    usersByHost.computeIfAbsent(host, h -> new LinkedHashMap<>()).put(user, password);
    secrets.add(password);
    secrets.add(
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private static String hostOfDirectory(String directory) {
    int colon = directory.lastIndexOf(':');
    return colon > 0 ? directory.substring(0, colon) : directory;
  }
}
