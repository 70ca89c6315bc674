package dev.pullproof.registry.fault;

import dev.pullproof.registry.protocol.Route;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of request a fault rule can name. Unlike {@link Route#kind()}, a manifest HEAD and a
 * manifest GET are different kinds: clients use HEAD to resolve and GET to fetch, and registries
 * (Docker Hub's rate limit) treat them differently.
 */
public enum RouteKind {
  VERSION_CHECK,
  TOKEN,
  MANIFEST_HEAD,
  MANIFEST_GET,
  /** Manifest PUT and DELETE. */
  MANIFEST_WRITE,
  BLOB,
  UPLOAD,
  TAGS,
  CATALOG,
  REFERRERS;

  /** The kind of a parsed route requested with {@code method}. */
  public static RouteKind of(Route route, String method) {
    if (route instanceof Route.Manifest) {
      return switch (method) {
        case "HEAD" -> MANIFEST_HEAD;
        case "GET" -> MANIFEST_GET;
        default -> MANIFEST_WRITE;
      };
    }
    if (route instanceof Route.Base) {
      return VERSION_CHECK;
    }
    if (route instanceof Route.Token) {
      return TOKEN;
    }
    if (route instanceof Route.Blob) {
      return BLOB;
    }
    if (route instanceof Route.UploadStart || route instanceof Route.Upload) {
      return UPLOAD;
    }
    if (route instanceof Route.TagsList) {
      return TAGS;
    }
    if (route instanceof Route.Catalog) {
      return CATALOG;
    }
    return REFERRERS;
  }

  /** Parses a name such as {@code manifest-get} or {@code MANIFEST_GET}; says which exist. */
  public static RouteKind parse(String name) {
    String key = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (RouteKind kind : values()) {
      if (kind.name().equals(key)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "route must be one of "
            + Arrays.stream(values()).map(RouteKind::label).collect(Collectors.joining(", "))
            + "; got "
            + name);
  }

  /** The lower-case name, e.g. {@code manifest-get}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
