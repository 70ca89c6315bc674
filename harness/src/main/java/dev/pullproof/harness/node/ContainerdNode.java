package dev.pullproof.harness.node;

import dev.pullproof.harness.containerd.ContainerdContainer;
import dev.pullproof.harness.containerd.Ctr;
import dev.pullproof.harness.cri.CriAuth;
import dev.pullproof.harness.cri.CriCallException;
import dev.pullproof.harness.run.Node;
import dev.pullproof.harness.run.PullRequest;
import dev.pullproof.harness.run.PullResult;
import dev.pullproof.harness.scenario.Via;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One running containerd as the runner sees it. CRI pulls go over the socket with the pull's
 * credentials as {@code AuthConfig}; a refused pull's error is the kubelet's form, {@code rpc
 * error: code = Unknown desc = <containerd's message>}, which is what scenarios' {@code
 * error_contains} and {@code error_matches} match. {@code ctr} pulls run in the container; their
 * error is ctr's own output ({@link CtrPulls}).
 */
final class ContainerdNode implements Node {
  private final ContainerdContainer container;
  private final Clock clock;

  ContainerdNode(ContainerdContainer container, Clock clock) {
    this.container = container;
    this.clock = clock;
  }

  /** The Debian package version, e.g. {@code 1.7.24~ds1-6+deb13u1}. */
  @Override
  public String version() {
    return container.release().containerdVersion();
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
        request.credentials().map(c -> CriAuth.basic(c.username(), c.password()));
    Instant start = clock.instant();
    try {
      String ref = container.cri().pullImage(request.image(), auth, request.timeout());
      return PullResult.succeeded(ref, since(start));
    } catch (CriCallException e) {
      return PullResult.failed(e.rpcError(), since(start));
    } catch (RuntimeException e) {
      return PullResult.failed("the CRI call could not be made: " + e, since(start));
    }
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

  @Override
  public String logs() {
    return container.containerdLog().text();
  }

  @Override
  public void close() {
    container.close();
  }

  private Duration since(Instant start) {
    return Duration.between(start, clock.instant());
  }
}
