package dev.pullproof.harness.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a host answers a client speaking the other protocol ({@code wrong_protocol}): a TLS host
 * answering plain HTTP with a TLS alert ({@code alert}, its default) or Go's {@code HTTP/1.0 400}
 * ({@code http-400}); a plain host answering a TLS handshake with {@code HTTP/1.1 400} ({@code
 * http-400}, its default) or a bare body with no status line ({@code bare}).
 */
public enum WrongProtocol {
  ALERT,
  HTTP_400,
  BARE;

  /** As scenarios write them. */
  public static final List<String> LABELS =
      Arrays.stream(values()).map(WrongProtocol::label).toList();

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<WrongProtocol> of(String label) {
    return Arrays.stream(values()).filter(w -> w.label().equals(label)).findFirst();
  }

  /** Whether a host with (or without) TLS can answer so. */
  public boolean fits(boolean tls) {
    return this == HTTP_400 || (this == ALERT) == tls;
  }
}
