package dev.pullproof.registry.protocol;

import java.util.List;

/**
 * Who a request authenticated as: the scheme ({@code none}, {@code basic}, {@code bearer}), the
 * identity and, for bearer tokens, the granted scopes. Never holds a secret, so it is safe to
 * journal and print.
 */
public record Principal(String scheme, String identity, List<String> scopes) {
  public static final Principal ANONYMOUS = new Principal("none", "anonymous", List.of());

  public Principal {
    if (scheme == null || identity == null) {
      throw new IllegalArgumentException("scheme and identity are required");
    }
    scopes = List.copyOf(scopes);
  }
}
