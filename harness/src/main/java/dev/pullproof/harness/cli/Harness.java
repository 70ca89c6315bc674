package dev.pullproof.harness.cli;

import dev.pullproof.harness.run.KubeletCredentials;
import dev.pullproof.harness.run.NodeFactory;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * What {@code run} needs from the rest of the build: a way to start containerd nodes and, for
 * credential-provider pulls, the kubelet's way of asking the fake helper. Found with {@link
 * ServiceLoader} ({@code META-INF/services}), so wiring the containerd module in takes no change
 * here.
 */
record Harness(Optional<NodeFactory> nodes, Supplier<KubeletCredentials> credentials) {
  static Harness discover() {
    Optional<NodeFactory> nodes = ServiceLoader.load(NodeFactory.class).findFirst();
    Optional<KubeletCredentials.Factory> helper =
        ServiceLoader.load(KubeletCredentials.Factory.class).findFirst();
    return new Harness(
        nodes,
        helper
            .<Supplier<KubeletCredentials>>map(f -> f::create)
            .orElse(() -> KubeletCredentials.UNAVAILABLE));
  }
}
