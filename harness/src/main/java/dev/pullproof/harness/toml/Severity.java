package dev.pullproof.harness.toml;

/**
 * How bad a problem is, worst first: {@code ERROR} breaks pulls or containerd itself (and every
 * scenario file problem, which stops the run), {@code WARNING} is ignored or risky configuration,
 * {@code INFO} is worth knowing before an upgrade.
 */
public enum Severity {
  ERROR,
  WARNING,
  INFO
}
