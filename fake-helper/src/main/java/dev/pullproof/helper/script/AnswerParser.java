package dev.pullproof.helper.script;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one answer: a word ({@code "not-found"}, {@code "empty"}, {@code "malformed"}, {@code
 * "hang"}, {@code "proceed"}) or an object with exactly one kind ({@code username}+{@code secret},
 * {@code token}, {@code error}, {@code empty}, {@code malformed}, {@code hang}, {@code signal},
 * {@code proceed}) and the modifiers {@code delay}, {@code exit}, {@code serverUrl}.
 */
final class AnswerParser {
  private static final Set<String> KINDS =
      Set.of("username", "token", "error", "empty", "malformed", "hang", "signal", "proceed");
  private static final Set<String> KEYS =
      Set.of(
          "username",
          "secret",
          "token",
          "serverUrl",
          "error",
          "exit",
          "empty",
          "malformed",
          "hang",
          "signal",
          "proceed",
          "delay");

  private final Nodes nodes;

  AnswerParser(Nodes nodes) {
    this.nodes = nodes;
  }

  /** The answer and the delay before it. */
  Step step(JsonNode node, String key, int times) {
    if (node == null || node.isNull()) {
      throw nodes.error(
          key, "missing: give an answer such as \"not-found\" or {\"error\": \"...\"}");
    }
    if (node.isTextual()) {
      return new Step(word(node.asText(), key), Duration.ZERO, times);
    }
    if (!node.isObject()) {
      throw nodes.error(key, "must be a word or an object, got " + node.getNodeType());
    }
    nodes.onlyKeys(node, key, KEYS);
    String kind = null;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (KINDS.contains(field)) {
        if (kind != null) {
          throw nodes.error(key, "has both '" + kind + "' and '" + field + "': give one kind");
        }
        kind = field;
      }
    }
    if (kind == null) {
      throw nodes.error(key, "needs one of " + KINDS.stream().sorted().toList());
    }
    Duration delay =
        node.has("delay") ? nodes.duration(node.get("delay"), key + ".delay") : Duration.ZERO;
    return new Step(object(kind, node, key), delay, times);
  }

  private Answer object(String kind, JsonNode node, String key) {
    int exit = node.has("exit") ? nodes.exitCode(node.get("exit"), key + ".exit") : -1;
    switch (kind) {
      case "username":
        return credentials(
            nodes.text(node, "username", key), nodes.text(node, "secret", key), node, key);
      case "token":
        return credentials(
            Answer.Credentials.TOKEN_USER, nodes.text(node, "token", key), node, key);
      case "error":
        return new Answer.Failure(nodes.text(node, "error", key), exit < 0 ? 1 : exit);
      case "empty":
        return new Answer.Empty(exit < 0 ? 0 : exit);
      case "malformed":
        JsonNode m = node.get("malformed");
        return new Answer.Malformed(m.isTextual() ? m.asText() : Answer.Malformed.DEFAULT);
      case "hang":
        JsonNode h = node.get("hang");
        return new Answer.Hang(
            h.isTextual() ? nodes.duration(h, key + ".hang") : Answer.Hang.DEFAULT_LIMIT);
      case "signal":
        String signal = nodes.text(node, "signal", key);
        try {
          return new Answer.Crash(signal.startsWith("SIG") ? signal.substring(3) : signal);
        } catch (IllegalArgumentException e) {
          throw nodes.error(key + ".signal", e.getMessage());
        }
      default:
        return new Answer.Proceed();
    }
  }

  private Answer credentials(String user, String secret, JsonNode node, String key) {
    JsonNode url = node.get("serverUrl");
    if (url == null) {
      return new Answer.Credentials(user, secret, Optional.empty(), false);
    }
    if (url.isBoolean() && !url.asBoolean()) {
      return new Answer.Credentials(user, secret, Optional.empty(), true);
    }
    if (url.isTextual()) {
      return new Answer.Credentials(user, secret, Optional.of(url.asText()), false);
    }
    throw nodes.error(key + ".serverUrl", "must be a URL or false (leave the field out)");
  }

  private Answer word(String word, String key) {
    switch (word) {
      case "not-found":
        return new Answer.NotFound();
      case "empty":
        return new Answer.Empty(0);
      case "malformed":
        return new Answer.Malformed(Answer.Malformed.DEFAULT);
      case "hang":
        return new Answer.Hang(Answer.Hang.DEFAULT_LIMIT);
      case "proceed":
        return new Answer.Proceed();
      default:
        throw nodes.error(
            key,
            "unknown answer '"
                + word
                + "': use not-found, empty, malformed, hang, proceed or an object");
    }
  }
}
