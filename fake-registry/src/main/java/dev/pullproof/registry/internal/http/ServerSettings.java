package dev.pullproof.registry.internal.http;

import java.time.Duration;

/**
 * How the registry listens.
 *
 * @param headerTimeout how long a connection may take to send a complete request head (closes
 *     slowloris connections)
 * @param idleTimeout how long a connection may sit with no request and no I/O
 */
public record ServerSettings(
    String host,
    int port,
    int ioThreads,
    int workerThreads,
    boolean clientCertificatesRequired,
    Duration headerTimeout,
    Duration idleTimeout) {
  public ServerSettings {
    if (headerTimeout.isNegative() || headerTimeout.isZero()) {
      throw new IllegalArgumentException("headerTimeout must be positive, got " + headerTimeout);
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
    }
  }
}
