package dev.pullproof.harness.run;

import java.util.List;

/**
 * Reads {@code ctr plugins ls}'s table ({@code TYPE ID PLATFORMS STATUS}, one plugin a line) to
 * tell one plugin's status.
 */
final class PluginTable {
  private PluginTable() {}

  /** The STATUS column of {@code TYPE.ID}, or {@code absent} when no line lists it. */
  static String status(String output, String plugin) {
    for (String line : output.lines().toList()) {
      String[] cols = line.trim().split("\\s+");
      if (cols.length == 4 && (cols[0] + "." + cols[1]).equals(plugin)) {
        return cols[3];
      }
    }
    return "absent";
  }

  /** The lines naming the plugin's type, to show what the table held near it. */
  static String rows(String output, String plugin) {
    String type = plugin.contains(".") ? plugin.substring(0, plugin.lastIndexOf('.')) : plugin;
    List<String> near = output.lines().filter(l -> l.startsWith(type + " ")).toList();
    return near.isEmpty() ? "" : "rows of that type:\n" + String.join("\n", near);
  }
}
