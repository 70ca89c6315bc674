package dev.pullproof.registry.protocol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The media types a client accepts, in preference order (q-values honoured, ties keep header
 * order). Clients send several {@code Accept} headers or one comma-separated list; both parse here.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests">
 *     distribution-spec: pulling manifests</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1">RFC 9110, Accept</a>
 */
public record AcceptHeader(List<String> types, boolean any) {
  public AcceptHeader {
    types = List.copyOf(types);
  }

  /** Parses all Accept header values; none at all means the client accepts anything. */
  public static AcceptHeader parse(Iterable<String> headerValues) {
    record Weighted(String type, double q, int order) {}
    List<Weighted> parsed = new ArrayList<>();
    boolean sawAny = false;
    boolean sawHeader = false;
    int order = 0;
    for (String value : headerValues) {
      sawHeader = true;
      for (String part : value.split(",")) {
        // ";".split(";") is empty: a value of bare separators names no type.
        String[] params = part.trim().split(";");
        String type = params.length == 0 ? "" : params[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (type.isEmpty()) {
          continue;
        }
        double q = 1.0;
        for (int i = 1; i < params.length; i++) {
          String p = params[i].trim();
          if (p.startsWith("q=")) {
            try {
              q = Double.parseDouble(p.substring(2));
            } catch (NumberFormatException e) {
              q = 0.0;
            }
          }
        }
        if (q <= 0) {
          continue;
        }
        if (type.equals("*/*") || type.equals("application/*")) {
          sawAny = true;
        }
        parsed.add(new Weighted(type, q, order++));
      }
    }
    parsed.sort(
        Comparator.comparingDouble(Weighted::q).reversed().thenComparingInt(Weighted::order));
    return new AcceptHeader(parsed.stream().map(Weighted::type).toList(), sawAny || !sawHeader);
  }

  public boolean accepts(String mediaType) {
    return any || types.contains(mediaType);
  }

  /** Lower is preferred; types not named explicitly rank after every named one. */
  public int rank(String mediaType) {
    int i = types.indexOf(mediaType);
    return i < 0 ? Integer.MAX_VALUE : i;
  }
}
