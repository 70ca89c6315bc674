/**
 * The live check: the node's own files on real containerd per version, through the scenario runner,
 * with every host the files name impersonated by the world.
 */
package dev.pullproof.harness.validate.live;
