package dev.pullproof.registry.mirror;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code WWW-Authenticate} challenge: the scheme ({@code basic} or {@code bearer}) and its
 * parameters ({@code realm}, {@code service}, {@code scope}...).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7235#section-4.1">RFC 7235, WWW-Authenticate</a>
 */
record Challenge(String scheme, Map<String, String> parameters) {
  private static final Pattern PARAMETER =
      Pattern.compile(
          "\\s*([A-Za-z0-9_-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))\\s*,?");

  Challenge {
    parameters = Map.copyOf(parameters);
  }

  static Challenge parse(String header) {
    if (header == null || header.isBlank()) {
      throw new IllegalArgumentException("the upstream sent 401 without WWW-Authenticate");
    }
    String trimmed = header.trim();
    int space = trimmed.indexOf(' ');
    String scheme = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
    Map<String, String> parameters = new LinkedHashMap<>();
    if (space > 0) {
      Matcher m = PARAMETER.matcher(trimmed.substring(space + 1));
      while (m.lookingAt()) {
        String value = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
        parameters.put(m.group(1).toLowerCase(Locale.ROOT), value);
        m.region(m.end(), m.regionEnd());
      }
    }
    return new Challenge(scheme, parameters);
  }

  String parameter(String name) {
    return parameters.get(name);
  }
}
