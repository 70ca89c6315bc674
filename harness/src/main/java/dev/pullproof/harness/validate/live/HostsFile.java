package dev.pullproof.harness.validate.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * One {@code <hosts-dir>/<name>/hosts.toml}, read leniently for the hosts it names and the TLS
 * files it points at (node paths).
 *
 * @param directory the directory's name: {@code host[:port]} or {@code _default}
 */
record HostsFile(
    String directory,
    Optional<String> server,
    List<String> hostUrls,
    List<String> caFiles,
    List<String> clientCerts,
    List<String> clientKeys) {

  static HostsFile read(Path file) throws IOException {
    TomlParseResult toml = Toml.parse(file);
    String directory = file.getParent().getFileName().toString();
    Optional<String> server =
        toml.isString("server") ? Optional.of(toml.getString("server")) : Optional.empty();
    List<String> urls = new ArrayList<>();
    List<String> ca = new ArrayList<>();
    List<String> certs = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    tls(toml, ca, certs, keys);
    TomlTable hosts = toml.getTable("host");
    if (hosts != null) {
      for (String url : hosts.keySet()) {
        urls.add(url);
        if (hosts.isTable(List.of(url))) {
          tls(hosts.getTable(List.of(url)), ca, certs, keys);
        }
      }
    }
    return new HostsFile(directory, server, urls, ca, certs, keys);
  }

  /** {@code ca = "f"} or a list; {@code client = "f"}, a list, or a list of [cert, key] pairs. */
  private static void tls(TomlTable t, List<String> ca, List<String> certs, List<String> keys) {
    Object caValue = t.get(List.of("ca"));
    strings(caValue, ca);
    Object client = t.get(List.of("client"));
    if (client instanceof String cert) {
      certs.add(cert);
    } else if (client instanceof TomlArray array) {
      for (int i = 0; i < array.size(); i++) {
        Object item = array.get(i);
        if (item instanceof String cert) {
          certs.add(cert);
        } else if (item instanceof TomlArray pair && pair.size() == 2) {
          strings(pair.get(0), certs);
          strings(pair.get(1), keys);
        }
      }
    }
  }

  private static void strings(Object value, List<String> into) {
    if (value instanceof String s) {
      into.add(s);
    } else if (value instanceof TomlArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i) instanceof String s) {
          into.add(s);
        }
      }
    }
  }
}
