package dev.pullproof.harness.run;

/**
 * A fresh containerd of one version, started with a scenario's files, that can pull. The runner
 * drives it; an implementation wraps a real containerd (the CRI socket and {@code ctr} in its
 * container). One node serves one (scenario, version) run and is closed after it.
 */
public interface Node extends AutoCloseable {
  /** The exact containerd version, e.g. the Debian package version {@code 1.7.24~ds1-1}. */
  String version();

  /** Whether containerd's CRI plugin loaded (a bad config.toml can keep it from loading). */
  boolean criPluginLoaded();

  /**
   * Pulls an image and reports what happened. A failed pull is a result, not an exception: its
   * error text is kept verbatim (for CRI, the gRPC status code and message).
   */
  PullResult pull(PullRequest request);

  /**
   * Removes every image the node holds and waits until their content is collected, so the next pull
   * downloads everything again (a scenario's {@code remove_images} between repetitions).
   *
   * @throws IllegalStateException when containerd refuses
   */
  void removeImages();

  /**
   * Runs one observation step ({@code ctr} subcommand, CRI RunPodSandbox) and reports its answer; a
   * refusal is an answer, not an exception.
   */
  Observation observe(int index, dev.pullproof.harness.scenario.NodeStep step);

  /** Every recorded call of the programs the setup placed on the node, in time order. */
  java.util.List<NodeInvocation> invocations();

  /** containerd's log so far, verbatim. */
  String logs();

  /** Stops containerd and removes what it left behind. */
  @Override
  void close();
}
