package dev.pullproof.harness.containerd;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.protocol.RepositoryName;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.testcontainers.DockerClientFactory;

/**
 * Benchmark, not a test: per containerd family, the image build (first, after removing the image,
 * and cached), start-to-ready over fresh containers, and one CRI PullImage round trip of a small
 * image from a fake registry on loopback, in each of those containers. Prints a table. Run by
 * {@code ci/bench-containerd}.
 */
public final class ContainerdBenchmark {
  private static final String CERTS_D = ContainerdContainer.ETC + "/certs.d";

  private final DockerClient docker;
  private final Clock clock;
  private final PrintStream out;
  private final Path cacheRoot;

  ContainerdBenchmark(DockerClient docker, Clock clock, PrintStream out, Path cacheRoot) {
    this.docker = docker;
    this.clock = clock;
    this.out = out;
    this.cacheRoot = cacheRoot;
  }

  /**
   * Arguments: {@code --floor} (optional: the engine's images are kept, nothing is built), rounds
   * per family (default 5), then families (default all).
   */
  public static void main(String[] args) {
    boolean floorOnly = args.length > 0 && args[0].equals("--floor");
    String[] rest = floorOnly ? Arrays.copyOfRange(args, 1, args.length) : args;
    int rounds = rest.length > 0 ? Integer.parseInt(rest[0]) : 5;
    List<ContainerdVersion> families =
        rest.length > 1
            ? Arrays.stream(rest, 1, rest.length).map(ContainerdVersion::parse).toList()
            : ContainerdVersion.families();
    new ContainerdBenchmark(
            DockerClientFactory.instance().client(),
            Clock.systemUTC(),
            System.out,
            CacheRoot.current())
        .run(rounds, families, floorOnly);
  }

  /**
   * The table, then per family one line {@code floor FAMILY median_ms=N}: the median over the
   * rounds of start-to-ready plus the pull, the least a fresh node's run of one pull can take. With
   * {@code keepImages} the image is ensured, not removed and built first.
   */
  void run(int rounds, List<ContainerdVersion> families, boolean keepImages) {
    List<String> floors = new ArrayList<>();
    out.printf(
        "%-6s %-24s %12s %12s %28s %28s%n",
        "family",
        "containerd",
        "build first",
        "build cached",
        "start-to-ready med (min-max)",
        "PullImage med (min-max)");
    for (ContainerdVersion family : families) {
      PreparedRelease release = PreparedRelease.load(cacheRoot, family);
      ContainerdImage images = new ContainerdImage(docker, clock);
      String first =
          keepImages
              ? "kept"
              : removeImage(ContainerdImage.nameOf(release))
                  ? millis(images.ensure(release).took())
                  : "in use";
      ContainerdImage.Ready cached = images.ensure(release);
      List<Duration> ready = new ArrayList<>();
      List<Duration> pulls = new ArrayList<>();
      try (FakeRegistry registry = FakeRegistry.builder().start()) {
        new ImagePublisher(registry.content())
            .publish(
                RepositoryName.of("bench/app"), "1.0", ImageSpec.builder().layer(1 << 20).build());
        String image = registry.hostAndPort() + "/bench/app:1.0";
        for (int i = 0; i < rounds; i++) {
          try (ContainerdContainer containerd =
              new ContainerdContainer(release, cached.name(), clock)
                  .withConfigToml(family.registryConfigToml(CERTS_D))
                  .withEtcFile(
                      "certs.d/" + registry.hostAndPort() + "/hosts.toml",
                      "server = \"" + registry.url() + "\"\n")) {
            containerd.start();
            ready.add(containerd.startToReady());
            Instant start = clock.instant();
            containerd.cri().pullImage(image);
            pulls.add(Duration.between(start, clock.instant()));
          }
        }
      }
      List<Duration> sums = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        sums.add(ready.get(i).plus(pulls.get(i)));
      }
      floors.add(
          "floor "
              + family
              + " median_ms="
              + sums.stream().sorted().toList().get(rounds / 2).toMillis());
      out.printf(
          "%-6s %-24s %12s %12s %28s %28s%n",
          family,
          release.containerdVersion(),
          first,
          millis(cached.took()),
          spread(ready),
          spread(pulls));
    }
    floors.forEach(out::println);
  }

  private boolean removeImage(String name) {
    try {
      docker.removeImageCmd(name).exec();
      return true;
    } catch (NotFoundException e) {
      return true;
    } catch (ConflictException e) {
      return false;
    }
  }

  private static String spread(List<Duration> times) {
    List<Long> ms = times.stream().map(Duration::toMillis).sorted().toList();
    return ms.get(ms.size() / 2) + " ms (" + ms.get(0) + "-" + ms.get(ms.size() - 1) + ")";
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }
}
