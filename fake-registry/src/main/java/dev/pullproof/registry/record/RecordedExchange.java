package dev.pullproof.registry.record;

import java.util.List;
import java.util.Objects;

/**
 * One request the recorder forwarded and what the upstream answered. Nothing secret: the request's
 * credentials are only their kind and user name, token answers and echoed secrets carry
 * placeholders ({@link Secrets}), and URLs that pointed at the proxy read {@value #SELF}.
 *
 * @param index the exchange's place in the recording, from 0, in the order answers completed
 * @param query the raw query string, secrets replaced
 * @param form a token POST's form, secret fields replaced; empty otherwise
 * @param auth {@code none}, {@code basic} or {@code bearer}: how the request authenticated
 * @param user the basic-auth user name, or empty
 * @param headers the response headers, hop-by-hop ones left out
 * @param body the file under {@code bodies/} holding the response body, or empty when there was
 *     none or it was over the size limit
 * @param size the response body's size as the upstream sent it
 * @param digest the sha256 digest of the body the upstream sent, or empty without a body
 */
public record RecordedExchange(
    int index,
    String method,
    String path,
    String query,
    String form,
    String auth,
    String user,
    String accept,
    int status,
    List<Header> headers,
    String body,
    long size,
    String digest) {
  /** Stands for the scheme, host and port a client reached the proxy (or the replay) at. */
  public static final String SELF = "{{self}}";

  static final List<String> AUTH_KINDS = List.of("none", "basic", "bearer");

  public RecordedExchange {
    if (index < 0) {
      throw new IllegalArgumentException("index must be 0 or more, got " + index);
    }
    Objects.requireNonNull(method, "method");
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /, got " + path);
    }
    query = query == null ? "" : query;
    form = form == null ? "" : form;
    if (!AUTH_KINDS.contains(auth)) {
      throw new IllegalArgumentException("auth must be one of " + AUTH_KINDS + ", got " + auth);
    }
    user = user == null ? "" : user;
    accept = accept == null ? "" : accept;
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100 to 599, got " + status);
    }
    headers = List.copyOf(headers == null ? List.of() : headers);
    body = body == null ? "" : body;
    if (!body.isEmpty() && !body.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("body must name a file by its sha256 hex, got " + body);
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must be 0 or more, got " + size);
    }
    digest = digest == null ? "" : digest;
  }

  /** Whether the upstream sent a body the recording did not keep (over the size limit). */
  public boolean bodyMissing() {
    return body.isEmpty() && size > 0 && !method.equals("HEAD");
  }

  /** The first value of a response header, case-insensitively, or empty. */
  public String header(String name) {
    return first(headers, name);
  }

  static String first(List<Header> headers, String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(Header::value)
        .findFirst()
        .orElse("");
  }

  /** The request as a journal line shows it: {@code GET /v2/app/manifests/1.0 [bearer] -> 200}. */
  public String summary() {
    String q = query.isEmpty() ? "" : "?" + query;
    String who = auth.equals("none") ? "" : " [" + auth + (user.isEmpty() ? "" : " " + user) + "]";
    return "#" + index + " " + method + " " + path + q + who + " -> " + status;
  }

  /** One response header line. */
  public record Header(String name, String value) {
    public Header {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("header name is required");
      }
      value = value == null ? "" : value;
    }
  }
}
