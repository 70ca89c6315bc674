package dev.pullproof.registry.journal;

import java.util.regex.Pattern;

/**
 * Matches journal entries. Written as {@code METHOD PATH [-> STATUS]}, e.g. {@code GET /v2/ -> 401}
 * or {@code GET /v2/library/app/blobs/* -> 200}: {@code *} in the path matches anything within the
 * path (including slashes); {@code *} as method or status matches any.
 */
public record RequestPattern(String method, String pathGlob, Integer status) {
  public RequestPattern {
    if (method == null || method.isBlank()) {
      throw new IllegalArgumentException("request pattern: method is required (or *)");
    }
    if (pathGlob == null || !pathGlob.startsWith("/") && !pathGlob.equals("*")) {
      throw new IllegalArgumentException(
          "request pattern: path must start with / (or be *), got '" + pathGlob + "'");
    }
  }

  /** Parses {@code "GET /v2/ -> 401"}; the status part is optional. */
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
    return new RequestPattern(left[0].toUpperCase(java.util.Locale.ROOT), left[1], status);
  }

  public boolean matches(JournalEntry entry) {
    return (method.equals("*") || method.equals(entry.method()))
        && (status == null || status == entry.status())
        && globRegex().matcher(entry.path()).matches();
  }

  /** How close an entry comes, for failure messages: higher is nearer. */
  int nearness(JournalEntry entry) {
    int score = 0;
    if (method.equals("*") || method.equals(entry.method())) {
      score += 1000;
    }
    if (globRegex().matcher(entry.path()).matches()) {
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

  private Pattern globRegex() {
    StringBuilder regex = new StringBuilder();
    for (String part : pathGlob.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }

  @Override
  public String toString() {
    return method + " " + pathGlob + (status == null ? "" : " -> " + status);
  }
}
