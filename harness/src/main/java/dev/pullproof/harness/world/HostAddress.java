package dev.pullproof.harness.world;

import java.util.Optional;

/**
 * Where one host of a started world listens, in the forms a scenario's templates name ({@code
 * {{hub.address}}} and the rest of {@link dev.pullproof.harness.scenario.Template#ATTRIBUTES}).
 *
 * @param address {@code host:port} as containerd reaches the host; the port is left out for an
 *     impersonated name on its scheme's default port, as users write {@code registry-1.docker.io}
 * @param host the impersonated name, or the loopback address
 * @param url scheme and address
 * @param ip the loopback address the host listens on
 */
public record HostAddress(String address, String host, int port, String url, String ip) {
  public HostAddress {
    for (String[] field :
        new String[][] {{"address", address}, {"host", host}, {"url", url}, {"ip", ip}}) {
      if (field[1] == null || field[1].isBlank()) {
        throw new IllegalArgumentException("host address: " + field[0] + " is required");
      }
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("host address: port must be 1 to 65535, got " + port);
    }
  }

  /** The address of a host listening on {@code ip:port}, impersonating {@code name} if given. */
  static HostAddress of(Optional<String> name, boolean tls, String ip, int port) {
    String scheme = tls ? "https" : "http";
    String host = name.orElse(ip);
    boolean defaultPort = port == (tls ? 443 : 80);
    String address = name.isPresent() && defaultPort ? host : host + ":" + port;
    return new HostAddress(address, host, port, scheme + "://" + address, ip);
  }

  /**
   * The URL by loopback address, for clients in this JVM, which cannot resolve impersonated names.
   */
  String directUrl() {
    return url.substring(0, url.indexOf("://") + 3) + ip + ":" + port;
  }

  /** A template attribute's value; empty for a name that is not one. */
  Optional<String> attribute(String name) {
    return Optional.ofNullable(
        switch (name) {
          case "address" -> address;
          case "host" -> host;
          case "port" -> Integer.toString(port);
          case "url" -> url;
          case "ip" -> ip;
          default -> null;
        });
  }
}
