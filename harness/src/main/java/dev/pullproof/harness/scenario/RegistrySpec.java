package dev.pullproof.harness.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One fake host of a scenario's world.
 *
 * @param name how the scenario refers to it ({@code hub}); also the journal assertions' prefix
 * @param host an impersonated host name ({@code registry-1.docker.io}); empty means the registry
 *     gets its own loopback address and a free port
 * @param port the port to listen on; 0 means a free one (ephemeral) or, for an impersonated host,
 *     443 with TLS and 80 without
 * @param dockerHub Docker Hub's auth shape and rate limits
 * @param down the host exists in the world but serves nothing; then it has no auth, images, faults,
 *     mirror, Docker Hub behaviour or server settings
 * @param server timeouts and manifest lenience
 * @param replay a recording the host answers from; then it has no auth, images, mirror or Docker
 *     Hub behaviour of its own
 */
public record RegistrySpec(
    String name,
    Optional<String> host,
    int port,
    Optional<TlsSpec> tls,
    AuthSpec auth,
    List<ImageEntry> images,
    List<FaultSpec> faults,
    Optional<MirrorSpec> mirror,
    Optional<DockerHubSpec> dockerHub,
    Optional<Down> down,
    ServerSpec server,
    Optional<ReplaySpec> replay) {

  public RegistrySpec {
    if (name == null || !name.matches("[a-z][a-z0-9_-]*")) {
      throw new IllegalArgumentException(
          "registry name must be lower-case letters, digits, '-' or '_': " + name);
    }
    Objects.requireNonNull(host, "host");
    host.ifPresent(
        h -> {
          if (!h.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9-]+)*")) {
            throw new IllegalArgumentException("host must be a DNS name without port: " + h);
          }
        });
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
    }
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(auth, "auth");
    images = List.copyOf(images);
    faults = List.copyOf(faults);
    Objects.requireNonNull(mirror, "mirror");
    Objects.requireNonNull(dockerHub, "docker_hub");
    Objects.requireNonNull(down, "down");
    Objects.requireNonNull(server, "server");
    server
        .wrongProtocol()
        .filter(w -> !w.fits(tls.isPresent()))
        .ifPresent(
            w -> {
              throw new IllegalArgumentException(
                  "wrong_protocol = \""
                      + w.label()
                      + "\" needs "
                      + (tls.isPresent()
                          ? "a plain-HTTP host; with tls use \"alert\" or \"http-400\""
                          : "tls; without tls use \"http-400\" or \"bare\""));
            });
    if (down.isPresent()
        && (auth.type() != AuthSpec.Type.NONE
            || !images.isEmpty()
            || !faults.isEmpty()
            || mirror.isPresent()
            || dockerHub.isPresent()
            || !server.equals(ServerSpec.DEFAULTS))) {
      throw new IllegalArgumentException(
          "a down host serves nothing: it takes only host, port and tls");
    }
    Objects.requireNonNull(replay, "replay");
    if (replay.isPresent()
        && (auth.type() != AuthSpec.Type.NONE
            || !images.isEmpty()
            || mirror.isPresent()
            || dockerHub.isPresent()
            || down.isPresent())) {
      throw new IllegalArgumentException(
          "a replayed host answers from its recording: it takes no auth, images, mirror_of,"
              + " docker_hub or down (faults, tls, host, port and timeouts apply)");
    }
  }

  /** Whether a fake registry serves this host (it is not {@code down}). */
  public boolean serves() {
    return down.isEmpty();
  }

  /** The port the registry listens on once started; 0 still means "a free one". */
  public int effectivePort() {
    if (port != 0 || host.isEmpty()) {
      return port;
    }
    return tls.isPresent() ? 443 : 80;
  }
}
