package dev.pullproof.harness.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The requests a scenario's fault rule can name, written as {@code route = "manifest-get"}. A
 * manifest HEAD and GET are different routes (clients HEAD to resolve and GET to fetch, and Docker
 * Hub counts only GETs); {@code manifest} is all three manifest routes.
 */
public enum FaultRoute {
  MANIFEST,
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

  /** As scenarios write it: {@code manifest-get}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<FaultRoute> of(String label) {
    return Arrays.stream(values()).filter(r -> r.label().equals(label)).findFirst();
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(FaultRoute::label).toList();
  }

  @Override
  public String toString() {
    return label();
  }
}
