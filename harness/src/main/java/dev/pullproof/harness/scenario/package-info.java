/**
 * The pure model of a scenario file and its strict parser: the world's registries, the files
 * containerd starts with, the pulls, the expectations, and the scenario's own words for registry
 * behaviour. Imports nothing of the fake registry, the world, the runner or the reports.
 */
package dev.pullproof.harness.scenario;
