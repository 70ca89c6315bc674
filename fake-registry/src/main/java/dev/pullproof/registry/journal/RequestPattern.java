package dev.pullproof.registry.journal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Matches journal entries. Written as {@code METHOD PATH[?QUERY] [-> STATUS]}, e.g. {@code GET /v2/
 * -> 401}, {@code GET /v2/library/app/blobs/* -> 200} or {@code HEAD
 * /v2/library/app/manifests/*?ns=*}: {@code *} in the path or query matches anything (including
 * slashes); {@code *} as method or status matches any. Without {@code ?} the query is not looked
 * at; with it the whole query must match, as sent or percent-decoded ({@code ?ns=*} is "carried an
 * ns parameter", a bare {@code ?} is "had no query").
 *
 * @param queryGlob the glob the query must match, or null when any query (or none) matches
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

  /** A pattern that does not look at the query. */
  public RequestPattern(String method, String pathGlob, Integer status) {
    this(method, pathGlob, null, status);
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

  public boolean matches(JournalEntry entry) {
    return (method.equals("*") || method.equals(entry.method()))
        && (status == null || status == entry.status())
        && glob(pathGlob).matcher(entry.path()).matches()
        && queryMatches(entry.query());
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

  /** How close an entry comes, for failure messages: higher is nearer. */
  int nearness(JournalEntry entry) {
    int score = 0;
    if (method.equals("*") || method.equals(entry.method())) {
      score += 1000;
    }
    if (glob(pathGlob).matcher(entry.path()).matches()) {
      score += 2000;
    }
    String literal =
        pathGlob.contains("*") ? pathGlob.substring(0, pathGlob.indexOf('*')) : pathGlob;
    int common = 0;
    while (common < literal.length()
        && common < entry.path().length()
        && literal.charAt(common) == entry.path().charAt(common)) {
      common++;
    }
    return score + common;
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
