package dev.pullproof.harness.scenario;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A request a scenario expects (or forbids), written {@code METHOD PATH[?QUERY] [-> STATUS]}, e.g.
 * {@code GET /v2/ -> 401}, {@code GET /v2/library/app/blobs/* -> 200} or {@code HEAD
 * /v2/library/app/manifests/*?ns=*}: {@code *} in the path or query matches anything (including
 * slashes); {@code *} as method or status matches any. Without {@code ?} the query is not looked
 * at; with it the whole query must match, as sent or percent-decoded ({@code ?ns=*} is "carried an
 * ns parameter", a bare {@code ?} is "had no query"). The same syntax as the fake registry's own
 * journal assertions, so a pattern reads the same in a scenario and in a registry test.
 *
 * @param queryGlob the glob the query must match, or null when any query (or none) matches
 * @param status the status to match, or null for any
 */
public record RequestPattern(String method, String pathGlob, String queryGlob, Integer status) {
  public RequestPattern {
    if (method == null || method.isBlank()) {
      throw new IllegalArgumentException("request pattern: method is required (or *)");
    }
    if (pathGlob == null || !pathGlob.startsWith("/") && !pathGlob.equals("*")) {
      throw new IllegalArgumentException(
          "request pattern: path must start with / (or be *), got '" + pathGlob + "'");
    }
  }

  /** Parses {@code "GET /v2/ -> 401"}; the query and status parts are optional. */
  public static RequestPattern parse(String text) {
    String[] sides = text.split("->", 2);
    String[] left = sides[0].trim().split("\\s+");
    if (left.length != 2) {
      throw new IllegalArgumentException(
          "request pattern '" + text + "': expected 'METHOD PATH' or 'METHOD PATH -> STATUS'");
    }
    Integer status = null;
    if (sides.length == 2 && !sides[1].trim().equals("*")) {
      try {
        status = Integer.valueOf(sides[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "request pattern '" + text + "': status must be a number or *");
      }
    }
    String target = left[1];
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? null : target.substring(question + 1);
    return new RequestPattern(left[0].toUpperCase(Locale.ROOT), path, query, status);
  }

  /**
   * Whether a request with these values matches; {@code query} is the raw query as sent, without
   * {@code ?}, empty when there was none.
   */
  public boolean matches(String method, String path, String query, int status) {
    return (this.method.equals("*") || this.method.equals(method))
        && (this.status == null || this.status == status)
        && glob(pathGlob).matcher(path).matches()
        && queryMatches(query);
  }

  private boolean queryMatches(String query) {
    if (queryGlob == null) {
      return true;
    }
    Pattern glob = glob(queryGlob);
    return glob.matcher(query).matches() || glob.matcher(decoded(query)).matches();
  }

  private static String decoded(String query) {
    try {
      return URLDecoder.decode(query, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return query;
    }
  }

  private static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (String part : glob.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }

  @Override
  public String toString() {
    return method
        + " "
        + pathGlob
        + (queryGlob == null ? "" : "?" + queryGlob)
        + (status == null ? "" : " -> " + status);
  }
}
