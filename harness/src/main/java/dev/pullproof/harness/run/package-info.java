/**
 * Running scenarios: the {@code Node} seam to containerd, one (scenario, version) execution (world
 * plus node to {@code Outcome}), the verdict checks, sharding and the parallel runner.
 */
package dev.pullproof.harness.run;
