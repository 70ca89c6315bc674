package dev.pullproof.harness.report;

/** Escaping for HTML and SVG text and attributes, and for Markdown table cells. */
final class Escape {
  private Escape() {}

  static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                  if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                    out.append('?');
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }

  /** One Markdown table cell: no raw tags, no column breaks, lines as {@code <br>}. */
  static String markdownCell(String text) {
    return text.replace("<", "&lt;").replace("|", "\\|").replace("\n", "<br>");
  }
}
