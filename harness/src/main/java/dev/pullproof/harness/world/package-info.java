/**
 * A scenario's world as running hosts: the one translation from the scenario model's registries,
 * faults, TLS, mirrors and images to fake registries ({@link
 * dev.pullproof.harness.world.WorldInstaller}, {@link dev.pullproof.harness.world.Vocabulary}), the
 * loopback addresses they lease, the down hosts, and {@link
 * dev.pullproof.harness.world.HostRequest}, the world's record of what each host received. Depends
 * on the scenario model and the fake registry only.
 */
package dev.pullproof.harness.world;
