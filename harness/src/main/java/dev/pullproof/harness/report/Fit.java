package dev.pullproof.harness.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain text that fits a terminal of {@link #WIDTH} columns: aligned tables whose first column
 * gives way (a long name goes on a line of its own), wrapped paragraphs, clipped lines.
 */
final class Fit {
  static final int WIDTH = 120;
  private static final String GAP = "  ";

  private Fit() {}

  /** A line cut to the width, ending in "..." when cut. */
  static String clip(String line, int width) {
    return line.length() <= width ? line : line.substring(0, width - 3) + "...";
  }

  /**
   * Words wrapped to the width, each line of the text starting a new line; continuation lines
   * indented. A word longer than a line (a URL) is cut across lines rather than overflowing.
   */
  static List<String> wrap(String text, String indent) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int base = 0;
    for (String paragraph : text.split("\n", -1)) {
      if (!out.isEmpty() || line.length() > 0) {
        out.add(line.toString());
        line = new StringBuilder(indent);
        base = indent.length();
      }
      // a paragraph's own indent is kept; its words wrap under the given one
      String lead = paragraph.substring(0, paragraph.length() - paragraph.stripLeading().length());
      line.append(lead);
      base = line.length();
      for (String word : paragraph.stripLeading().split(" ", -1)) {
        while (true) {
          boolean content = line.length() > base;
          int room = WIDTH - line.length() - (content ? 1 : 0);
          if (word.length() <= room || (room < 1 && !content)) {
            line.append(content ? " " : "").append(word);
            break;
          }
          if (content && (word.length() <= WIDTH - indent.length() || room < 9)) {
            out.add(line.toString());
          } else {
            out.add(line.append(content ? " " : "").append(word, 0, room).toString());
            word = word.substring(room);
          }
          line = new StringBuilder(indent);
          base = indent.length();
        }
      }
    }
    out.add(line.toString());
    return out;
  }

  /**
   * Rows as aligned columns (the first row is the header). Columns after the first are left-aligned
   * unless {@code right[i]}; when the first column is too wide for the rest to fit, its long values
   * take a line of their own above their row.
   */
  static List<String> table(List<List<String>> rows, boolean[] right) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    int rest = 0;
    for (int i = 1; i < columns; i++) {
      rest += GAP.length() + widths[i];
    }
    int first = Math.min(widths[0], Math.max(8, WIDTH - rest));
    List<String> out = new ArrayList<>();
    for (List<String> row : rows) {
      String name = row.get(0);
      StringBuilder line = new StringBuilder();
      if (name.length() > first) {
        out.add(name);
        name = "";
      }
      line.append(pad(name, first, false));
      for (int i = 1; i < columns; i++) {
        line.append(GAP).append(pad(row.get(i), widths[i], right[i]));
      }
      out.add(line.toString().stripTrailing());
    }
    return out;
  }

  private static String pad(String text, int width, boolean right) {
    String spaces = " ".repeat(Math.max(0, width - text.length()));
    return right ? spaces + text : text + spaces;
  }
}
