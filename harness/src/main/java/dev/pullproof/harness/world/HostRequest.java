package dev.pullproof.harness.world;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One request a host of the world received, as its registry answered it: what verdicts, reports and
 * the live check read, in the harness's own terms. Credentials appear only as scheme and identity,
 * never a password or token.
 *
 * @param host the world's name for the host that received it ({@code hub}, {@code mirror})
 * @param sequence the request's arrival number on that host, from 1
 * @param query the raw query as sent, without {@code ?}; empty when there was none
 * @param status the HTTP status answered, or 0 when no response was sent (a fault closed or reset
 *     the connection first)
 * @param errorCode the spec error code answered ({@code UNAUTHORIZED}), or null
 * @param fault the fault that fired on this request, or null
 * @param route {@code base}, {@code manifest}, {@code blob}, {@code upload}, {@code token}..., or
 *     {@code invalid} when the path did not parse
 */
public record HostRequest(
    String host,
    long sequence,
    Instant time,
    String method,
    String path,
    String query,
    int status,
    String errorCode,
    String fault,
    Principal principal,
    Duration duration,
    String route) {

  /**
   * Who the request authenticated as: the scheme ({@code none}, {@code basic}, {@code bearer}) and
   * the identity.
   */
  public record Principal(String scheme, String identity) {
    public static final Principal ANONYMOUS = new Principal("none", "anonymous");

    public Principal {
      Objects.requireNonNull(scheme, "principal scheme");
      Objects.requireNonNull(identity, "principal identity");
    }
  }

  public HostRequest {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("request: host is required");
    }
    if (sequence < 1) {
      throw new IllegalArgumentException("request: sequence must be 1 or more, got " + sequence);
    }
    Objects.requireNonNull(time, "request time");
    if (method == null || method.isBlank() || path == null) {
      throw new IllegalArgumentException("request: method and path are required");
    }
    query = query == null ? "" : query;
    if (status < 0) {
      throw new IllegalArgumentException("request: status must be 0 or more, got " + status);
    }
    principal = principal == null ? Principal.ANONYMOUS : principal;
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException("request: duration must be 0 or more, got " + duration);
    }
    Objects.requireNonNull(route, "request route");
  }

  /**
   * The request line as a human reads it, e.g. {@code #12 GET /v2/app/manifests/1.0 -> 401
   * UNAUTHORIZED [basic alice] (fault: x)}.
   */
  public String summary() {
    String q = query.isEmpty() ? "" : "?" + query;
    String err = errorCode == null ? "" : " " + errorCode;
    String who =
        principal.scheme().equals("none")
            ? ""
            : " [" + principal.scheme() + " " + principal.identity() + "]";
    String f = fault == null ? "" : " (fault: " + fault + ")";
    return "#" + sequence + " " + method + " " + path + q + " -> " + status + err + who + f;
  }
}
