/**
 * The runner's {@link dev.pullproof.harness.run.NodeFactory} on real containerd: {@link
 * dev.pullproof.harness.node.ContainerdNodeFactory} starts a {@link
 * dev.pullproof.harness.containerd.ContainerdContainer} per (scenario, version) run and pulls
 * through its CRI socket or {@code ctr}. Registered in {@code META-INF/services}, so the CLI finds
 * it with {@link java.util.ServiceLoader}.
 */
package dev.pullproof.harness.node;
