/**
 * {@code pullproof validate}: a node's own config.toml and hosts directory judged per containerd
 * version, by static rules ({@code rules}, over the parsed files in {@code model}) and by a live
 * check on real containerd ({@code live}), written as text, JSON or JUnit ({@code output}).
 */
package dev.pullproof.harness.validate;
