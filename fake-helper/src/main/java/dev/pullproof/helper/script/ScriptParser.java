package dev.pullproof.helper.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pullproof.helper.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a helper script (JSON, documented in the README). Strict: an unknown key, a wrong type or
 * an impossible value is a {@link ScriptException} naming the file and the key. Relative paths
 * ({@code store}, {@code counters}, {@code log}) resolve against the script's directory.
 */
public final class ScriptParser {
  private static final Set<String> TOP = Set.of("rules", "default", "store", "counters", "log");
  private static final Set<String> RULE =
      Set.of(
          "server",
          "image",
          "command",
          "answer",
          "sequence",
          "cacheKeyType",
          "cacheDuration",
          "authKey");
  private static final Set<String> COMMANDS = Set.of("get", "store", "erase", "list");

  private final Json json;

  public ScriptParser(Json json) {
    this.json = json;
  }

  public Script read(Path file) {
    Path abs = file.toAbsolutePath();
    Nodes nodes = new Nodes(abs);
    JsonNode root;
    try {
      root = json.read(Files.readString(abs));
    } catch (NoSuchFileException e) {
      throw nodes.error("", "no such file");
    } catch (JsonProcessingException e) {
      throw nodes.error(
          "",
          "not valid JSON: "
              + e.getOriginalMessage()
              + " at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr());
    } catch (IOException e) {
      throw nodes.error("", "cannot read: " + e);
    }
    if (root == null || !root.isObject()) {
      throw nodes.error("", "must be a JSON object with \"rules\"");
    }
    nodes.onlyKeys(root, "", TOP);
    AnswerParser answers = new AnswerParser(nodes);
    List<Rule> rules = new ArrayList<>();
    JsonNode list = root.path("rules");
    if (!list.isMissingNode() && !list.isArray()) {
      throw nodes.error("rules", "must be an array of rules");
    }
    for (int i = 0; i < list.size(); i++) {
      rules.add(rule(list.get(i), "rules[" + i + "]", nodes, answers));
    }
    Answer fallback =
        root.has("default")
            ? answers.step(root.get("default"), "default", 0).answer()
            : new Answer.NotFound();
    Path dir = abs.getParent();
    String name = abs.getFileName().toString();
    return new Script(
        abs,
        rules,
        fallback,
        path(root, "store", dir, name + ".store.json", nodes),
        path(root, "counters", dir, name + ".counters.json", nodes),
        root.has("log") ? Optional.of(path(root, "log", dir, "", nodes)) : Optional.empty());
  }

  private Rule rule(JsonNode node, String key, Nodes nodes, AnswerParser answers) {
    if (!node.isObject()) {
      throw nodes.error(key, "must be an object such as {\"server\": \"...\", \"answer\": ...}");
    }
    nodes.onlyKeys(node, key, RULE);
    String command = node.has("command") ? nodes.text(node, "command", key) : "get";
    if (!COMMANDS.contains(command)) {
      throw nodes.error(key + ".command", "must be one of get, store, erase, list; got " + command);
    }
    Optional<Pattern> server = pattern(node, "server", key, nodes);
    Optional<Pattern> image = pattern(node, "image", key, nodes);
    if (server.isEmpty() && image.isEmpty()) {
      throw nodes.error(key, "needs \"server\" (a URL or host pattern) or \"image\" (a pattern)");
    }
    if (node.has("answer") == node.has("sequence")) {
      throw nodes.error(key, "needs exactly one of \"answer\" and \"sequence\"");
    }
    List<Step> steps = new ArrayList<>();
    if (node.has("answer")) {
      steps.add(answers.step(node.get("answer"), key + ".answer", 0));
    } else {
      JsonNode seq = node.get("sequence");
      if (!seq.isArray() || seq.isEmpty()) {
        throw nodes.error(
            key + ".sequence", "must be a non-empty array of {\"times\", \"answer\"}");
      }
      for (int i = 0; i < seq.size(); i++) {
        String k = key + ".sequence[" + i + "]";
        JsonNode s = seq.get(i);
        nodes.onlyKeys(s, k, Set.of("times", "answer"));
        int times = 0;
        if (s.has("times")) {
          if (!s.get("times").isInt() || s.get("times").asInt() < 1) {
            throw nodes.error(k + ".times", "must be a positive integer, got " + s.get("times"));
          }
          times = s.get("times").asInt();
        } else if (i < seq.size() - 1) {
          throw nodes.error(k + ".times", "missing: only the last step may repeat for ever");
        }
        steps.add(answers.step(s.get("answer"), k + ".answer", times));
      }
    }
    checkFitsCommand(command, steps, key, nodes);
    return new Rule(key, command, server, image, steps, kubelet(node, key, nodes));
  }

  private static void checkFitsCommand(String command, List<Step> steps, String key, Nodes nodes) {
    for (Step step : steps) {
      boolean creds = step.answer() instanceof Answer.Credentials;
      boolean proceed = step.answer() instanceof Answer.Proceed;
      if (command.equals("get") && proceed) {
        throw nodes.error(
            key,
            "\"proceed\" is for store, erase and list; get answers from the store when no rule matches");
      }
      if (!command.equals("get") && creds) {
        throw nodes.error(
            key, "credentials answer only get; " + command + " takes proceed, error, empty...");
      }
    }
  }

  private static KubeletOptions kubelet(JsonNode node, String key, Nodes nodes) {
    KubeletOptions d = KubeletOptions.DEFAULT;
    try {
      return new KubeletOptions(
          node.has("cacheKeyType") ? nodes.text(node, "cacheKeyType", key) : d.cacheKeyType(),
          node.has("cacheDuration") ? nodes.text(node, "cacheDuration", key) : d.cacheDuration(),
          node.has("authKey") ? Optional.of(nodes.text(node, "authKey", key)) : d.authKey());
    } catch (IllegalArgumentException e) {
      throw nodes.error(key + ".cacheKeyType", e.getMessage());
    }
  }

  private static Optional<Pattern> pattern(JsonNode node, String field, String key, Nodes nodes) {
    if (!node.has(field)) {
      return Optional.empty();
    }
    String text = nodes.text(node, field, key);
    if (text.isBlank()) {
      throw nodes.error(key + "." + field, "must not be blank");
    }
    return Optional.of(new Pattern(text));
  }

  private static Path path(JsonNode root, String field, Path dir, String fallback, Nodes nodes) {
    String value = root.has(field) ? nodes.text(root, field, "") : fallback;
    return dir.resolve(value);
  }
}
