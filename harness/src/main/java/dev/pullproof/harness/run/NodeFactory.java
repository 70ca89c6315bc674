package dev.pullproof.harness.run;

import dev.pullproof.harness.version.ContainerdVersion;

/** Starts {@link Node}s; the runner asks for one per (scenario, version) run. */
public interface NodeFactory {
  /**
   * Starts containerd of the setup's version family with its files and host entries, and returns
   * once it is ready (or its CRI plugin is known not to have loaded).
   *
   * @throws Exception when no node could be started; the message should say why and what to do
   */
  Node start(NodeSetup setup) throws Exception;

  /**
   * Makes each version ready to start (downloads, checks, images) before any run begins, so a
   * release that cannot be had stops everything with one message instead of failing each run.
   *
   * @throws IllegalStateException saying which version failed, why, and what to do
   */
  default void prepare(java.util.Collection<ContainerdVersion> versions) {}

  /**
   * A hint, given before anything is prepared, that nodes will be started: a factory may begin
   * connecting to what runs them in the background, where that cannot fail a run. Does nothing by
   * default.
   */
  default void connectEarly() {}

  /** How many nodes may run at once on this machine. */
  default int maxParallel() {
    return 1;
  }

  /** For builds without containerd: every start fails and says so. */
  NodeFactory UNAVAILABLE =
      setup -> {
        throw new UnsupportedOperationException(
            "no containerd harness in this build: cannot start containerd " + setup.family());
      };
}
