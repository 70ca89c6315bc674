package dev.pullproof.harness.scenario;

/**
 * How a host of the world that does not serve answers: it has its address, port, placeholders and
 * hosts entry, but no registry behind them.
 */
public enum Down {
  /** Nothing listens: connections are refused. */
  REFUSED,
  /** Connections are accepted, then closed at once: the client reads EOF. */
  EOF,
  /** Connections are accepted, then reset. */
  RESET
}
