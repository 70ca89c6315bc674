package dev.pullproof.harness.validate;

/**
 * How bad a finding is, worst first: {@code ERROR} breaks pulls or containerd itself, {@code
 * WARNING} is ignored or risky configuration, {@code INFO} is worth knowing before an upgrade.
 */
public enum Severity {
  ERROR,
  WARNING,
  INFO
}
