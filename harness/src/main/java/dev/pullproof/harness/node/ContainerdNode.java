package dev.pullproof.harness.node;

import dev.pullproof.harness.containerd.ContainerdContainer;
import dev.pullproof.harness.containerd.Ctr;
import dev.pullproof.harness.containerd.CtrPull;
import dev.pullproof.harness.containerd.PreparedRelease;
import dev.pullproof.harness.cri.CriAuth;
import dev.pullproof.harness.cri.CriCallException;
import dev.pullproof.harness.run.Node;
import dev.pullproof.harness.run.NodeInvocation;
import dev.pullproof.harness.run.Observation;
import dev.pullproof.harness.run.PullRequest;
import dev.pullproof.harness.run.PullResult;
import dev.pullproof.harness.scenario.NodeStep;
import dev.pullproof.harness.scenario.Via;
import dev.pullproof.harness.version.DebianPackage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One running containerd as the runner sees it. CRI pulls go over the socket with the pull's
 * credentials as {@code AuthConfig}; a refused pull's error is the kubelet's form, {@code rpc
 * error: code = Unknown desc = <containerd's message>}, which is what scenarios' {@code
 * error_contains} and {@code error_matches} match. {@code ctr} pulls run in the container; their
 * error is ctr's own output ({@link CtrPulls}).
 */
final class ContainerdNode implements Node {
  /** How long a pull's last log line may trail its answer before we stop waiting for it. */
  private static final Duration LOG_LAG = Duration.ofSeconds(2);

  /** RunPodSandbox pulls the sandbox image, then starts a shim: a pull's bound. */
  private static final Duration SANDBOX_TIMEOUT = Duration.ofSeconds(60);

  private final ContainerdContainer container;
  private final Clock clock;
  private final PortLeases.Lease ports;

  /**
   * @param ports the leases on the ports the node's config fixes, released once it is gone
   */
  ContainerdNode(ContainerdContainer container, Clock clock, PortLeases.Lease ports) {
    this.container = container;
    this.clock = clock;
    this.ports = ports;
  }

  /**
   * The Debian package version, e.g. {@code 1.7.24~ds1-6+deb13u1}; for any other release what its
   * binary reports and where it came from, e.g. {@code 2.2.1 (upstream archive URL, sha256 ...)}.
   */
  @Override
  public String version() {
    PreparedRelease release = container.release();
    return release.source() instanceof DebianPackage
        ? release.containerdVersion()
        : release.describe();
  }

  @Override
  public boolean criPluginLoaded() {
    return container.criPlugin().loaded();
  }

  @Override
  public PullResult pull(PullRequest request) {
    return request.via() == Via.CTR ? ctr(request) : cri(request);
  }

  private PullResult cri(PullRequest request) {
    Optional<CriAuth> auth =
        request
            .credentials()
            .map(
                c ->
                    new CriAuth(
                        c.username(),
                        c.password(),
                        c.auth(),
                        "",
                        c.identityToken(),
                        c.registryToken()));
    Predicate<String> ended = pullEnded(request.image());
    int endedBefore = (int) container.containerdLog().lines().stream().filter(ended).count();
    Instant start = clock.instant();
    PullResult result;
    try {
      String ref = container.cri().pullImage(request.image(), auth, request.timeout());
      result = PullResult.succeeded(ref, since(start));
    } catch (CriCallException e) {
      result = PullResult.failed(e.rpcError(), since(start));
    } catch (RuntimeException e) {
      return PullResult.failed("the CRI call could not be made: " + e, since(start));
    }
    awaitLog(ended, endedBefore + 1);
    return result;
  }

  /**
   * containerd logs a CRI pull's end ({@code PullImage "<image>" returns image reference ...} or
   * {@code PullImage "<image>" failed}) before it answers, but the line reaches us a little later:
   * waiting for it keeps log expectations about a pull from racing the pull's answer.
   */
  private void awaitLog(Predicate<String> line, int count) {
    if (!container.criPlugin().loaded()) {
      return;
    }
    try {
      container.containerdLog().await(line, count, LOG_LAG);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Predicate<String> pullEnded(String image) {
    String pull = "PullImage \\\"" + image + "\\\" ";
    return l -> l.contains(pull) && (l.contains("returns image reference") || l.contains("failed"));
  }

  private PullResult ctr(PullRequest request) {
    Instant start = clock.instant();
    try {
      Ctr.Outcome outcome = container.ctr().pull(CtrPulls.of(request));
      return outcome.succeeded()
          ? PullResult.succeeded(request.image(), outcome.took())
          : PullResult.failed(CtrPulls.error(outcome), outcome.took());
    } catch (IllegalStateException e) {
      return PullResult.failed(e.getMessage(), since(start));
    }
  }

  /**
   * A ctr subcommand in CRI's namespace (stdout then stderr, verbatim), or a CRI RunPodSandbox (the
   * sandbox id, or containerd's error as the kubelet would log it).
   */
  @Override
  public Observation observe(int index, NodeStep step) {
    Instant start = clock.instant();
    if (step instanceof NodeStep.Ctr c) {
      try {
        Ctr.Outcome out = container.ctr().command(CtrPull.CRI_NAMESPACE, c.args());
        return new Observation(
            index, step.display(), out.succeeded(), out.stdout() + out.stderr(), out.took());
      } catch (IllegalStateException e) {
        return new Observation(index, step.display(), false, e.getMessage(), since(start));
      }
    }
    NodeStep.PodSandbox pod = (NodeStep.PodSandbox) step;
    try {
      String id =
          container
              .cri()
              .runPodSandbox(
                  pod.name(), pod.namespace(), pod.uid(), pod.hostNetwork(), SANDBOX_TIMEOUT);
      return new Observation(index, step.display(), true, "sandbox " + id, since(start));
    } catch (CriCallException e) {
      return new Observation(index, step.display(), false, e.rpcError(), since(start));
    } catch (RuntimeException e) {
      return new Observation(
          index, step.display(), false, "the CRI call could not be made: " + e, since(start));
    }
  }

  @Override
  public List<NodeInvocation> invocations() {
    return NodePrograms.read(container);
  }

  /** Through ctr in CRI's namespace, where CRI and the runner's ctr pulls keep their images. */
  @Override
  public void removeImages() {
    container.ctr().removeAllImages(CtrPull.CRI_NAMESPACE);
  }

  @Override
  public String logs() {
    return container.containerdLog().text();
  }

  @Override
  public void close() {
    try {
      container.close();
    } finally {
      ports.close();
    }
  }

  private Duration since(Instant start) {
    return Duration.between(start, clock.instant());
  }
}
