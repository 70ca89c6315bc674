package dev.pullproof.harness.containerd;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.pullproof.harness.cri.CriCallException;
import dev.pullproof.harness.cri.CriClient;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.registry.temp.OwnedTemp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Real containerd of one {@link PreparedRelease}, as a Testcontainers module. It runs on the host
 * network (registries the JVM opens on loopback are reachable; {@link #withExtraHost} impersonates
 * names), with SYS_ADMIN and unconfined seccomp/AppArmor instead of {@code --privileged} (which
 * this engine refuses), {@code /var/lib/containerd} on a tmpfs (a fresh content store per
 * container; overlay on overlay fails) and {@code /run/containerd} bind-mounted from a fresh host
 * directory, where the JVM reaches {@code containerd.sock}.
 *
 * <p>Ready means: containerd logged "containerd successfully booted", then a CRI {@code Version}
 * and {@code Status} call were made; their answer, or the error and containerd's log line saying
 * why CRI did not load, is {@link #criPlugin()}. The log is kept after the container stops. Each
 * container carries {@link RunLabels}; starting one first removes stale ones of dead runs.
 */
public class ContainerdContainer extends GenericContainer<ContainerdContainer> {
  public static final String ETC = "/etc/containerd";

  /** Where Go's crypto/x509 on Linux looks first for the system's CA certificates. */
  public static final String SYSTEM_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

  public static final String RUN = "/run/containerd";
  public static final String SOCKET = RUN + "/containerd.sock";

  /** containerd's default content root, kept on a tmpfs. */
  public static final String ROOT = "/var/lib/containerd";

  private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CRI_INIT_TIMEOUT = Duration.ofSeconds(5);

  private final PreparedRelease release;
  private final Clock clock;
  private final ContainerdLog log = new ContainerdLog();
  private String logLevel = "info";
  private Duration callTimeout = Duration.ofSeconds(10);
  private Duration pullTimeout = Duration.ofSeconds(120);
  private Path socketDirectory;
  private String socketInNode = SOCKET;
  private CriClient cri;
  private CriPluginState criPlugin;
  private Duration startToReady;

  /** A container of an image {@link ContainerdImage} made sure of. */
  public ContainerdContainer(PreparedRelease release, String imageName, Clock clock) {
    super(DockerImageName.parse(imageName));
    this.release = release;
    this.clock = clock;
    withNetworkMode("host");
    withTmpFs(Map.of(ROOT, "rw"));
    withLabels(RunLabels.current().asMap());
    withLogConsumer(log);
    withStartupAttempts(1);
    waitingFor(new BootedOrExited(log, BOOT_TIMEOUT));
  }

  /**
   * The prepared release of {@code family} from the cache, its image built if the engine lacks it.
   */
  public static ContainerdContainer of(ContainerdVersion family) {
    PreparedRelease release = ReleasePreparation.current().prepare(family);
    Clock clock = Clock.systemUTC();
    ContainerdImage.Ready image =
        new ContainerdImage(DockerClientFactory.instance().client(), clock).ensure(release);
    return new ContainerdContainer(release, image.name(), clock);
  }

  /** The config.toml containerd reads ({@code /etc/containerd/config.toml}). */
  public ContainerdContainer withConfigToml(String toml) {
    return withEtcFile("config.toml", toml);
  }

  /**
   * A file under {@code /etc/containerd}, e.g. {@code certs.d/docker.io/hosts.toml} or a CA
   * certificate a hosts.toml names.
   */
  public ContainerdContainer withEtcFile(String relativePath, String content) {
    return withEtcFile(relativePath, content.getBytes(StandardCharsets.UTF_8));
  }

  public ContainerdContainer withEtcFile(String relativePath, byte[] content) {
    return withCopyToContainer(Transferable.of(content, 0644), ETC + "/" + checked(relativePath));
  }

  /** A file at an absolute node path outside /etc/containerd, parents created. */
  public ContainerdContainer withNodeFile(String absolutePath, String content) {
    Path path = Path.of(absolutePath).normalize();
    if (!path.isAbsolute() || absolutePath.contains("\\")) {
      throw new IllegalArgumentException(
          "node file path must be absolute, was '" + absolutePath + "'");
    }
    return withCopyToContainer(
        Transferable.of(content.getBytes(StandardCharsets.UTF_8), 0644), path.toString());
  }

  /** A file at an absolute node path with the given mode (0755 for a program), parents created. */
  public ContainerdContainer withNodeFile(String absolutePath, byte[] content, int mode) {
    Path path = Path.of(absolutePath).normalize();
    if (!path.isAbsolute()) {
      throw new IllegalArgumentException(
          "node file path must be absolute, was '" + absolutePath + "'");
    }
    return withCopyToContainer(Transferable.of(content, mode), path.toString());
  }

  /**
   * The container's system trust store: Go on Linux reads {@code
   * /etc/ssl/certs/ca-certificates.crt}, which the image lacks, so a registry whose certificate
   * comes from this CA is trusted without a {@code ca} in hosts.toml, as a public CA is on a node.
   */
  public ContainerdContainer withSystemCa(String pem) {
    return withCopyToContainer(
        Transferable.of(pem.getBytes(StandardCharsets.UTF_8), 0644), SYSTEM_CA_BUNDLE);
  }

  /** containerd's {@code --log-level}: info by default; debug shows each registry request. */
  public ContainerdContainer withLogLevel(String level) {
    if (!List.of("trace", "debug", "info", "warn", "error").contains(level)) {
      throw new IllegalArgumentException(
          "log level must be trace, debug, info, warn or error, was '" + level + "'");
    }
    this.logLevel = level;
    return self();
  }

  /**
   * Deadlines of the CRI client: each call (10 s by default) and each PullImage (120 s); a pull
   * past its deadline fails with {@code DEADLINE_EXCEEDED}, as a kubelet's would.
   */
  public ContainerdContainer withCriTimeouts(Duration call, Duration pull) {
    if (call.isNegative() || call.isZero() || pull.isNegative() || pull.isZero()) {
      throw new IllegalArgumentException(
          "CRI timeouts must be positive, were call=" + call + " pull=" + pull);
    }
    this.callTimeout = call;
    this.pullTimeout = pull;
    return self();
  }

  @Override
  protected void configure() {
    // A run killed with SIGKILL left its containers and temporary files: containers first, so
    // nothing still uses a socket directory when it goes.
    new StaleContainerSweep(getDockerClient()).sweep();
    try {
      OwnedTemp.sweep(OwnedTemp.root());
    } catch (UncheckedIOException e) {
      // Housekeeping only: stale files another run left must never stop this node from starting.
    }
    try {
      socketDirectory = OwnedTemp.directory("pullproof-containerd");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a socket directory for containerd", e);
    }
    withCommand("--log-level", logLevel);
    String socketDir = socketInNode.substring(0, socketInNode.lastIndexOf('/'));
    Bind socketBind = new Bind(socketDirectory.toString(), new Volume(socketDir));
    withCreateContainerCmdModifier(
        cmd -> {
          HostConfig host = cmd.getHostConfig();
          List<Bind> binds = new ArrayList<>();
          if (host.getBinds() != null) {
            binds.addAll(Arrays.asList(host.getBinds()));
          }
          binds.add(socketBind);
          host.withCapAdd(Capability.SYS_ADMIN)
              .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
              .withBinds(binds);
        });
  }

  @Override
  public void start() {
    Instant begin = clock.instant();
    super.start();
    startToReady = Duration.between(begin, clock.instant());
  }

  @Override
  protected void containerIsStarted(InspectContainerResponse info) {
    cri = CriClient.connect(socketPath(), callTimeout, pullTimeout);
    Instant deadline = clock.instant().plus(CRI_INIT_TIMEOUT);
    while (true) {
      try {
        criPlugin = CriPluginState.loaded(cri.version(), cri.status());
        return;
      } catch (CriCallException e) {
        // Just after boot, CRI can refuse a call for a moment (seen on 1.6 under load: Status
        // refused, the pull a moment later served). Only a service that is not served at all, or
        // an error that outlasts the wait, means "not loaded".
        if (e.serviceMissing() || !clock.instant().isBefore(deadline)) {
          criPlugin = CriPluginState.notLoaded(e.rpcError(), log.criLoadFailures());
          return;
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while asking containerd's CRI plugin", e);
      }
    }
  }

  @Override
  public void stop() {
    if (cri != null) {
      cri.close();
      cri = null;
    }
    super.stop();
    deleteSocketDirectory();
  }

  public PreparedRelease release() {
    return release;
  }

  /** The CRI client on this container's socket; open while the container runs. */
  public CriClient cri() {
    if (cri == null) {
      throw new IllegalStateException("containerd " + release.family() + " is not running");
    }
    return cri;
  }

  /** Whether CRI answers, known from the moment {@link #start()} returns. */
  public CriPluginState criPlugin() {
    if (criPlugin == null) {
      throw new IllegalStateException("containerd " + release.family() + " has not started");
    }
    return criPlugin;
  }

  /**
   * Where the node's config puts containerd's socket and content root ({@code [grpc] address},
   * {@code root}): the socket's directory is the one bound to this machine, the root a tmpfs too.
   */
  public ContainerdContainer withNodePaths(String socket, String root) {
    if (socket == null || !socket.startsWith("/") || socket.lastIndexOf('/') == 0) {
      throw new IllegalArgumentException(
          "socket: an absolute path below a directory, got " + socket);
    }
    this.socketInNode = socket;
    withTmpFs(root.equals(ROOT) ? Map.of(ROOT, "rw") : Map.of(ROOT, "rw", root, "rw"));
    return this;
  }

  /** The socket's path in the node, as {@code ctr --address} takes it. */
  public String socketInNode() {
    return socketInNode;
  }

  /** {@code ctr} in this container. */
  public Ctr ctr() {
    return new Ctr(this, clock);
  }

  /** containerd's log, kept after the container stops. */
  public ContainerdLog containerdLog() {
    return log;
  }

  /** The host path of {@code containerd.sock}. */
  public Path socketPath() {
    return socketDirectory.resolve(socketInNode.substring(socketInNode.lastIndexOf('/') + 1));
  }

  /** From {@link #start()} to ready (CRI state known), or null before. */
  public Duration startToReady() {
    return startToReady;
  }

  private void deleteSocketDirectory() {
    if (socketDirectory == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(socketDirectory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Left behind in the temp directory: harmless, and the next container uses a new one.
    }
    socketDirectory = null;
  }

  private static String checked(String relativePath) {
    if (relativePath == null
        || relativePath.isBlank()
        || relativePath.startsWith("/")
        || Path.of(relativePath).normalize().startsWith("..")
        || relativePath.contains("\\")) {
      throw new IllegalArgumentException(
          "file under " + ETC + " must be a relative path inside it, was '" + relativePath + "'");
    }
    return Path.of(relativePath).normalize().toString();
  }
}
