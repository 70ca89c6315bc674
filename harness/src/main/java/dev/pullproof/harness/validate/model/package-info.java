/**
 * A node's config.toml and hosts directory as parsed, located values: the CRI sections per config
 * layout, hosts.toml entries, image references and the keys each containerd version knows.
 */
package dev.pullproof.harness.validate.model;
