package dev.pullproof.harness.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * The TCP ports a config.toml makes containerd listen on. On the host network two nodes that fix
 * the same port collide, so each such port is leased ({@link PortLeases}) for the node's life.
 *
 * <p>Where each comes from: {@code [grpc] tcp_address}, {@code [metrics] address} and {@code
 * [debug] address} are {@code net.Listen("tcp", ...)} in cmd/containerd/command/main.go (1.6.20,
 * 1.7.24, 2.1.9; a debug address that is an absolute path is a unix socket, {@code isLocalAddress}
 * in main_unix.go); the CRI stream server listens on {@code stream_server_address:
 * stream_server_port} (pkg/cri/server/streaming.go in 1.x, internal/cri/server in 2.x; port "0",
 * the default, is any free port, and an empty address is the host's primary interface).
 */
public final class FixedPorts {
  /** Plugin ids that hold the CRI server settings: version 1 files, then versions 2 and 3. */
  private static final List<String> CRI_PLUGINS = List.of("cri", "io.containerd.grpc.v1.cri");

  /**
   * A port containerd will bind.
   *
   * @param address as containerd gets it; empty for every address
   * @param key the setting that fixes it, for messages
   */
  public record Port(String address, int port, String key) {
    /** {@code address:port}, with {@code *} for every address. */
    public String where() {
      return (address.isEmpty() ? "*" : address) + ":" + port;
    }
  }

  private FixedPorts() {}

  /** The ports {@code configToml} fixes; a file that does not parse fixes none it can name. */
  public static List<Port> of(Optional<String> configToml) {
    List<Port> ports = new ArrayList<>();
    if (configToml.isEmpty()) {
      return ports;
    }
    TomlParseResult toml = Toml.parse(configToml.get());
    tcp(toml, "grpc", "tcp_address").ifPresent(ports::add);
    tcp(toml, "debug", "address").ifPresent(ports::add);
    tcp(toml, "metrics", "address").ifPresent(ports::add);
    for (String id : CRI_PLUGINS) {
      TomlTable cri = toml.getTable(List.of("plugins", id));
      if (cri == null || !cri.isString("stream_server_port")) {
        continue;
      }
      int port = number(cri.getString("stream_server_port"));
      if (port > 0) {
        String address =
            cri.isString("stream_server_address")
                ? cri.getString("stream_server_address")
                : "127.0.0.1";
        ports.add(new Port(address, port, "plugins.\"" + id + "\".stream_server_port"));
      }
    }
    return ports;
  }

  private static Optional<Port> tcp(TomlParseResult toml, String table, String key) {
    String value = toml.isString(List.of(table, key)) ? toml.getString(List.of(table, key)) : "";
    if (value.isBlank() || value.startsWith("/")) {
      return Optional.empty();
    }
    int colon = value.lastIndexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    int port = number(value.substring(colon + 1));
    String host = value.substring(0, colon).replaceAll("^\\[|]$", "");
    return port > 0 ? Optional.of(new Port(host, port, table + "." + key)) : Optional.empty();
  }

  private static int number(String s) {
    try {
      int n = Integer.parseInt(s.strip());
      return n > 0 && n < 65536 ? n : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
