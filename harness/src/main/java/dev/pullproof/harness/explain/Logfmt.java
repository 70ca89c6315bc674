package dev.pullproof.harness.explain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * logrus's text output as containerd, ctr and crictl write it: {@code key=value} pairs, a value
 * bare or double-quoted with backslash escapes. A quote left open (a line cut short) ends the value
 * at the end of the line.
 */
final class Logfmt {
  private Logfmt() {}

  /** The pairs of {@code text}, in order; words without {@code =} are skipped. */
  static Map<String, String> parse(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      int keyStart = i;
      while (i < n && text.charAt(i) != '=' && text.charAt(i) != ' ') {
        i++;
      }
      if (i >= n || text.charAt(i) == ' ') {
        continue;
      }
      String key = text.substring(keyStart, i);
      i++;
      StringBuilder value = new StringBuilder();
      if (i < n && text.charAt(i) == '"') {
        i++;
        while (i < n && text.charAt(i) != '"') {
          char c = text.charAt(i);
          if (c == '\\' && i + 1 < n) {
            char next = text.charAt(++i);
            value.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
          } else {
            value.append(c);
          }
          i++;
        }
        i++;
      } else {
        while (i < n && text.charAt(i) != ' ') {
          value.append(text.charAt(i++));
        }
      }
      if (!key.isEmpty()) {
        fields.putIfAbsent(key, value.toString());
      }
    }
    return fields;
  }

  /** The text of a Go-quoted string without its quotes and escapes: {@code "a \"b\""} is a "b". */
  static String unquote(String quoted) {
    String q = quoted.strip();
    if (q.length() < 2 || q.charAt(0) != '"') {
      return q;
    }
    Map<String, String> one = parse("v=" + q);
    return one.getOrDefault("v", q);
  }
}
