package dev.pullproof.registry.journal;

import dev.pullproof.registry.protocol.Principal;
import java.time.Duration;
import java.time.Instant;

/**
 * One request as the registry answered it, recorded when the exchange completed. Credentials appear
 * only as scheme, identity and scopes: never a password or token.
 *
 * @param status the HTTP status answered, or 0 when no response was sent (a fault closed or reset
 *     the connection first)
 * @param routeKind {@code base}, {@code manifest}, {@code blob}, {@code upload}, {@code token}...,
 *     or {@code invalid} when the path did not parse
 * @param errorCode the spec error code answered, or null
 * @param fault the fault that fired on this request, or null
 * @param replay on a replayed recording, how the request was answered ({@code recorded #N}, {@code
 *     not recorded: ...}), or null
 */
public record JournalEntry(
    long sequence,
    Instant time,
    String client,
    String host,
    String method,
    String path,
    String query,
    int status,
    long requestBytes,
    long responseBytes,
    Duration duration,
    String routeKind,
    String repository,
    String errorCode,
    Principal principal,
    String accept,
    String userAgent,
    String fault,
    String replay) {

  public JournalEntry {
    if (method == null || path == null) {
      throw new IllegalArgumentException("method and path are required");
    }
    query = query == null ? "" : query;
    principal = principal == null ? Principal.ANONYMOUS : principal;
  }

  /**
   * The first value of a query parameter, decoded; e.g. {@code ns}, the upstream host containerd
   * names when it pulls through a mirror ({@code ?ns=docker.io}).
   */
  public java.util.Optional<String> queryParameter(String name) {
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (decode(key).equals(name)) {
        return java.util.Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return java.util.Optional.empty();
  }

  private static String decode(String text) {
    try {
      return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }

  /** The request line as a human reads it: {@code GET /v2/app/manifests/1.0 -> 200}. */
  public String summary() {
    String q = query.isEmpty() ? "" : "?" + query;
    String err = errorCode == null ? "" : " " + errorCode;
    String who =
        principal.scheme().equals("none")
            ? ""
            : " [" + principal.scheme() + " " + principal.identity() + "]";
    String f = fault == null ? "" : " (fault: " + fault + ")";
    String r = replay == null ? "" : " (replay: " + replay + ")";
    return "#" + sequence + " " + method + " " + path + q + " -> " + status + err + who + f + r;
  }
}
