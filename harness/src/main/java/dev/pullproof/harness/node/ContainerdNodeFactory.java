package dev.pullproof.harness.node;

import dev.pullproof.harness.containerd.CacheRoot;
import dev.pullproof.harness.containerd.ContainerdContainer;
import dev.pullproof.harness.containerd.ContainerdImage;
import dev.pullproof.harness.containerd.PreparedRelease;
import dev.pullproof.harness.containerd.ReleaseArchives;
import dev.pullproof.harness.containerd.ReleasePreparation;
import dev.pullproof.harness.run.Node;
import dev.pullproof.harness.run.NodeFactory;
import dev.pullproof.harness.run.NodeSetup;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.world.NodeRoot;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.testcontainers.DockerClientFactory;

/**
 * Starts one fresh containerd container per (scenario, version) run: the release {@code
 * ci/containerd-images} prepared for the setup's family, its image built once per factory (and only
 * if the engine lacks it), the setup's files under {@code /etc/containerd}, its extra hosts entries
 * and a label naming the run, and the setup's system CA as the container's trust store. {@link
 * #start} returns when containerd is ready and its CRI state is known; a containerd that exits at
 * start (e.g. a config.toml it cannot parse) is an exception whose message quotes containerd's last
 * log lines.
 */
public final class ContainerdNodeFactory implements NodeFactory {
  /** Label naming the run a container belongs to ({@code NodeSetup.runLabel()}). */
  public static final String RUN_LABEL = "dev.pullproof.run";

  /**
   * One containerd node per processor: each mostly waits on a loopback registry, and on a 2-core
   * machine two at a time ran the slice in 2.0 s instead of 3.4 s (medians of 5 rounds) with every
   * verdict unchanged (ci/bench-scenarios).
   */
  static int perMachine() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  private final Path cacheRoot;
  private final Clock clock;
  private final Supplier<ContainerdImage> images;
  private final Map<ContainerdVersion, PreparedImage> prepared = new ConcurrentHashMap<>();
  private final PortLeases ports;
  private final ReleasePreparation releases;
  private boolean defaultEngine;

  /** For {@link java.util.ServiceLoader}: this process's cache root, the default Docker engine. */
  public ContainerdNodeFactory() {
    this(
        CacheRoot.current(),
        Clock.systemUTC(),
        () -> new ContainerdImage(DockerClientFactory.instance().client(), Clock.systemUTC()));
    this.defaultEngine = true;
  }

  public ContainerdNodeFactory(Path cacheRoot, Clock clock, Supplier<ContainerdImage> images) {
    this(
        cacheRoot,
        clock,
        images,
        new ReleasePreparation(cacheRoot, ReleaseArchives.fromEnvironment(System.getenv())));
  }

  public ContainerdNodeFactory(
      Path cacheRoot, Clock clock, Supplier<ContainerdImage> images, ReleasePreparation releases) {
    this.cacheRoot = cacheRoot;
    this.clock = clock;
    this.images = images;
    this.ports = PortLeases.shared(clock);
    this.releases = releases;
  }

  @Override
  public Node start(NodeSetup setup) throws Exception {
    PreparedImage image = prepared.computeIfAbsent(setup.family(), this::prepare);
    // Held until the node is closed: the host network is shared with every other node.
    PortLeases.Lease lease =
        ports.lease(FixedPorts.of(Optional.ofNullable(setup.files().get("config.toml"))));
    try {
      return start(setup, image, lease);
    } catch (RuntimeException | Error e) {
      lease.close();
      throw e;
    }
  }

  private Node start(NodeSetup setup, PreparedImage image, PortLeases.Lease lease) {
    ContainerdContainer container =
        new ContainerdContainer(image.release(), image.name(), clock)
            .withLabel(RUN_LABEL, setup.runLabel())
            .withLogLevel(setup.logLevel().label());
    NodePaths paths = NodePaths.of(Optional.ofNullable(setup.files().get("config.toml")));
    container.withNodePaths(paths.socket(), paths.root());
    setup
        .files()
        .forEach(
            (path, text) ->
                NodeRoot.absolute(path)
                    .ifPresentOrElse(
                        abs -> container.withNodeFile(abs, text),
                        () -> container.withEtcFile(path, text)));
    setup.extraHosts().forEach(container::withExtraHost);
    if (!setup.executables().isEmpty()) {
      NodePrograms.install(container, NodePrograms.busybox(cacheRoot), setup.executables());
    }
    setup.systemCa().ifPresent(container::withSystemCa);
    try {
      container.start();
    } catch (RuntimeException e) {
      List<String> lines = container.containerdLog().lines();
      container.close();
      throw new IllegalStateException(
          "containerd "
              + image.release().containerdVersion()
              + " did not start: "
              + rootCause(e).getMessage()
              + "; its last log lines:\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())),
          e);
    }
    return new ContainerdNode(container, clock, lease);
  }

  /**
   * When the default engine already answers on its default socket, sets up the Docker client on a
   * background thread (some 0.2 s of a one-scenario command), so that it overlaps reading the
   * scenarios and the preparation scripts. Without an answering engine nothing is tried: a first
   * failed attempt is remembered by Testcontainers, and {@code ci/docker-engine} may be about to
   * start the engine. A failure here is {@link #prepare}'s to report, which asks again.
   */
  @Override
  public void connectEarly() {
    if (!defaultEngine
        || System.getenv("DOCKER_HOST") != null
        || !EngineSocket.answers(EngineSocket.DEFAULT)) {
      return;
    }
    Thread connect =
        new Thread(
            () -> {
              try {
                DockerClientFactory.instance().client();
              } catch (RuntimeException e) {
                // prepare() asks again and names the failure
              }
            },
            "pullproof docker client");
    connect.setDaemon(true);
    connect.start();
  }

  @Override
  public int maxParallel() {
    return perMachine();
  }

  @Override
  public void prepare(Collection<ContainerdVersion> versions) {
    versions.forEach(v -> prepared.computeIfAbsent(v, this::prepare));
  }

  /** The release of a version and its image; ensured once per factory. */
  PreparedImage prepare(ContainerdVersion family) {
    PreparedRelease release = releases.prepare(family);
    ContainerdImage builder;
    try {
      builder = images.get();
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "no Docker engine answers (" + e.getMessage() + "): run ci/docker-engine", e);
    }
    return new PreparedImage(release, builder.ensure(release).name());
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  /** A release and the name of the engine's image of it. */
  record PreparedImage(PreparedRelease release, String name) {}
}
