package dev.pullproof.harness.containerd;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The FROM scratch image of one prepared containerd release: {@code containerd}, {@code ctr}, the
 * loader and libc from the same Debian suite. Tagged by the exact Debian versions and built only
 * when the engine does not have that tag yet, because even a fully cached build re-sends the whole
 * context (several seconds). The Dockerfile is given as a string: a Dockerfile on disk makes
 * Testcontainers try to pre-pull {@code scratch}, which cannot be pulled.
 */
public final class ContainerdImage {
  public static final String REPOSITORY = "pullproof/containerd";

  private final DockerClient docker;
  private final Clock clock;

  public ContainerdImage(DockerClient docker, Clock clock) {
    this.docker = docker;
    this.clock = clock;
  }

  /** The image name for {@code release}, e.g. {@code pullproof/containerd:1.6.20_ds1-...}. */
  public static String nameOf(PreparedRelease release) {
    return REPOSITORY + ":" + release.imageTag();
  }

  /** Makes sure the engine has the image; says whether it was built and how long that took. */
  public Ready ensure(PreparedRelease release) {
    String name = nameOf(release);
    Instant start = clock.instant();
    if (present(name)) {
      return new Ready(name, false, Duration.between(start, clock.instant()));
    }
    new ImageFromDockerfile(name, false)
        .withFileFromString("Dockerfile", dockerfile(release))
        .withFileFromPath("image", release.imageRoot())
        .get();
    return new Ready(name, true, Duration.between(start, clock.instant()));
  }

  private boolean present(String name) {
    try {
      docker.inspectImageCmd(name).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  static String dockerfile(PreparedRelease release) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("dev.pullproof.containerd.family", release.family().label());
    release.provenance().forEach((k, v) -> labels.put("dev.pullproof.containerd." + k, v));
    labels.put("dev.pullproof.containerd.version", release.containerdVersion());
    labels.put("dev.pullproof.libc6.version", release.libcVersion());
    return "FROM scratch\n"
        + "COPY image/ /\n"
        + "LABEL "
        + labels.entrySet().stream()
            .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
            .collect(Collectors.joining(" "))
        + "\n"
        + "ENTRYPOINT [\"/usr/bin/containerd\"]\n";
  }

  /** An image the engine has, whether this call built it, and the time the call took. */
  public record Ready(String name, boolean built, Duration took) {}
}
