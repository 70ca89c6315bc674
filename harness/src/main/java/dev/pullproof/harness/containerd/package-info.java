/**
 * Real containerd as a Testcontainers module ({@link
 * dev.pullproof.harness.containerd.ContainerdContainer}): the node image built FROM scratch from a
 * prepared release, the wait for containerd's boot line, {@code ctr} exec'd in the container, and
 * the sweep of containers a killed run left behind.
 */
package dev.pullproof.harness.containerd;
