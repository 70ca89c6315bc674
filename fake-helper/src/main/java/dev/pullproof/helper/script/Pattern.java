package dev.pullproof.helper.script;

import java.util.Objects;

/**
 * A server URL or image pattern where {@code *} stands for any run of characters except {@code /}
 * and {@code **} for any run at all. A server pattern matches the URL as the client sent it or its
 * host part (scheme and path stripped), so {@code registry.test} matches {@code
 * https://registry.test/v1/}.
 */
public record Pattern(String text) {
  public Pattern {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("pattern must not be blank");
    }
  }

  public boolean matches(String value) {
    return glob(text, 0, value, 0);
  }

  /** True when the pattern matches the value as given or its host part. */
  public boolean matchesServer(String serverUrl) {
    return matches(serverUrl) || matches(hostOf(serverUrl));
  }

  /** {@code https://host:port/path} to {@code host:port}. */
  public static String hostOf(String serverUrl) {
    String s = serverUrl.trim();
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int slash = s.indexOf('/');
    return slash >= 0 ? s.substring(0, slash) : s;
  }

  private static boolean glob(String p, int pi, String v, int vi) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        boolean any = pi + 1 < p.length() && p.charAt(pi + 1) == '*';
        int next = pi + (any ? 2 : 1);
        for (int k = vi; k <= v.length(); k++) {
          if (glob(p, next, v, k)) {
            return true;
          }
          if (k < v.length() && !any && v.charAt(k) == '/') {
            return false;
          }
        }
        return false;
      }
      if (vi >= v.length() || v.charAt(vi) != c) {
        return false;
      }
      pi++;
      vi++;
    }
    return vi == v.length();
  }
}
