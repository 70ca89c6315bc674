package dev.pullproof.harness.validate.live;

import dev.pullproof.harness.validate.model.ImageRef;
import java.net.URI;
import java.util.Locale;

/**
 * A registry host the node may contact: what the live check's world impersonates.
 *
 * @param tls whether containerd will speak HTTPS to it
 */
public record Endpoint(String host, int port, boolean tls) {
  public Endpoint {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("endpoint host is required");
    }
    host = host.toLowerCase(Locale.ROOT);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("endpoint port out of range: " + port);
    }
  }

  /** From a URL in a hosts.toml or a mirror endpoint list; the scheme's port when none is given. */
  public static Endpoint ofUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getMessage(), e);
    }
    if (uri.getHost() == null || uri.getScheme() == null) {
      throw new IllegalArgumentException("'" + url + "' is not a URL with a scheme and a host");
    }
    boolean tls = !uri.getScheme().equalsIgnoreCase("http");
    return new Endpoint(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80, tls);
  }

  /**
   * Where containerd goes for a registry with no hosts.toml: HTTPS on 443, Docker Hub at {@code
   * registry-1.docker.io}, and plain HTTP for localhost and loopback addresses.
   */
  public static Endpoint defaultFor(String registry) {
    if (registry.equals(ImageRef.DOCKER_HUB)) {
      return new Endpoint("registry-1.docker.io", 443, true);
    }
    String host = registry;
    int port = -1;
    int colon = registry.lastIndexOf(':');
    if (colon > 0) {
      host = registry.substring(0, colon);
      port = Integer.parseInt(registry.substring(colon + 1));
    }
    boolean local = host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    return new Endpoint(host, port > 0 ? port : local ? 80 : 443, !local);
  }

  public String hostAndPort() {
    return host + ":" + port;
  }
}
