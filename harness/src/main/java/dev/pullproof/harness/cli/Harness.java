package dev.pullproof.harness.cli;

import dev.pullproof.harness.run.KubeletCredentials;
import dev.pullproof.harness.run.NodeFactory;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * What {@code run} and {@code validate} need from the rest of the build: a way to start containerd
 * nodes, for credential-provider pulls the kubelet's way of asking the fake helper, and what to do
 * before the first node starts. The first two are found with {@link ServiceLoader} ({@code
 * META-INF/services}), so wiring the containerd module in takes no change here.
 *
 * @param prepareNodes runs before nodes start; throws when they cannot (see {@link
 *     EnginePreparation})
 */
record Harness(
    Optional<NodeFactory> nodes,
    Supplier<KubeletCredentials> credentials,
    NodePreparation prepareNodes) {
  /** The clone's root, set by the {@code pullproof} launcher; without it nothing is prepared. */
  static final String HOME_PROPERTY = "pullproof.home";

  Harness(Optional<NodeFactory> nodes, Supplier<KubeletCredentials> credentials) {
    this(nodes, credentials, NodePreparation.NONE);
  }

  /** What must be ready on this machine before nodes of {@code versions} start. */
  @FunctionalInterface
  interface NodePreparation {
    NodePreparation NONE = (versions, nodePrograms) -> {};

    /**
     * @param nodePrograms whether a scenario places programs on the node ({@code
     *     [node.executables]})
     */
    void prepare(Collection<ContainerdVersion> versions, boolean nodePrograms);
  }

  static Harness discover() {
    Optional<NodeFactory> nodes = ServiceLoader.load(NodeFactory.class).findFirst();
    Optional<KubeletCredentials.Factory> helper =
        ServiceLoader.load(KubeletCredentials.Factory.class).findFirst();
    String home = System.getProperty(HOME_PROPERTY);
    return new Harness(
        nodes,
        helper
            .<Supplier<KubeletCredentials>>map(f -> f::create)
            .orElse(() -> KubeletCredentials.UNAVAILABLE),
        home == null ? NodePreparation.NONE : new EnginePreparation(Path.of(home)));
  }
}
