package dev.pullproof.helper.script;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

/** Typed reads from a script's JSON tree; every failure names the file and the key. */
final class Nodes {
  private final Path file;

  Nodes(Path file) {
    this.file = file;
  }

  ScriptException error(String key, String message) {
    return new ScriptException(file, key, message);
  }

  void onlyKeys(JsonNode node, String key, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!allowed.contains(field)) {
        throw error(
            join(key, field), "unknown key; known keys: " + allowed.stream().sorted().toList());
      }
    }
  }

  String text(JsonNode parent, String field, String key) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isTextual()) {
      throw error(join(key, field), node == null ? "missing" : "must be a string");
    }
    return node.asText();
  }

  int exitCode(JsonNode node, String key) {
    if (!node.isInt() || node.asInt() < 0 || node.asInt() > 255) {
      throw error(key, "must be an integer 0..255, got " + node);
    }
    return node.asInt();
  }

  Duration duration(JsonNode node, String key) {
    if (!node.isTextual()) {
      throw error(key, "must be a string such as \"250ms\" or \"2s\", got " + node);
    }
    try {
      return Durations.parse(node.asText());
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  static String join(String key, String field) {
    return key.isEmpty() ? field : key + "." + field;
  }
}
