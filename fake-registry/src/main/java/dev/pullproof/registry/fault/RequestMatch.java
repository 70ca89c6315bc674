package dev.pullproof.registry.fault;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which requests a rule applies to; every criterion given must hold, an absent one matches all.
 *
 * @param host glob against the Host header, with or without its port
 * @param methods HTTP methods, upper case; empty for any
 * @param kinds route kinds; empty for any
 * @param repository glob against the repository name
 * @param reference glob against the manifest reference (tag or digest) or blob digest
 * @param headers conditions on request headers, every one must hold
 */
public record RequestMatch(
    Glob host,
    Set<String> methods,
    Set<RouteKind> kinds,
    Glob repository,
    Glob reference,
    List<HeaderMatch> headers) {
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

  public RequestMatch {
    methods = Set.copyOf(methods);
    headers = headers == null ? List.of() : List.copyOf(headers);
    kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    for (String m : methods) {
      if (!METHODS.contains(m)) {
        throw new IllegalArgumentException("method must be one of " + METHODS + ", got " + m);
      }
    }
  }

  static String method(String method) {
    return method == null ? null : method.trim().toUpperCase(Locale.ROOT);
  }

  boolean matches(RequestFacts r) {
    return (methods.isEmpty() || methods.contains(r.method()))
        && (kinds.isEmpty() || kinds.contains(r.kind()))
        && (host == null || host.matches(r.host()) || host.matches(withoutPort(r.host())))
        && (repository == null || repository.matches(r.repository()))
        && (reference == null || reference.matches(r.reference()))
        && headers.stream().allMatch(h -> h.test(r.header().apply(h.header())));
  }

  private static String withoutPort(String host) {
    int colon = host.lastIndexOf(':');
    return colon > 0 && host.indexOf(']', colon) < 0 ? host.substring(0, colon) : host;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (!methods.isEmpty()) {
      s.append(" methods=").append(methods);
    }
    if (!kinds.isEmpty()) {
      s.append(" routes=").append(kinds.stream().map(RouteKind::label).toList());
    }
    if (host != null) {
      s.append(" host=").append(host);
    }
    if (repository != null) {
      s.append(" repository=").append(repository);
    }
    if (reference != null) {
      s.append(" reference=").append(reference);
    }
    for (HeaderMatch h : headers) {
      s.append(" header ").append(h);
    }
    return s.length() == 0 ? "any request" : s.substring(1);
  }
}
