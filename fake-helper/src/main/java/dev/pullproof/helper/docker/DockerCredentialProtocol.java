package dev.pullproof.helper.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullproof.helper.Answers;
import dev.pullproof.helper.LockedJsonFile;
import dev.pullproof.helper.Outcome;
import dev.pullproof.helper.Sequences;
import dev.pullproof.helper.json.Json;
import dev.pullproof.helper.script.Answer;
import dev.pullproof.helper.script.Rule;
import dev.pullproof.helper.script.Script;
import dev.pullproof.helper.script.Step;
import java.util.Map;
import java.util.Optional;

/**
 * The docker-credential protocol (docker/docker-credential-helpers): one command argument, the
 * request on stdin, the answer on stdout; errors are the message on stdout with exit 1, and the
 * exact text {@value #NOT_FOUND} means "no credentials". A rule for the command and server answers
 * first; otherwise {@code get} reads the store and {@code store}/{@code erase}/{@code list} change
 * or list it.
 */
public final class DockerCredentialProtocol {
  public static final String NOT_FOUND = "credentials not found in native keychain";
  static final String MISSING_URL = "no credentials server URL";
  static final String MISSING_USER = "no credentials username";

  private final Script script;
  private final Json json;
  private final Sequences sequences;
  private final String version;

  public DockerCredentialProtocol(Script script, Json json, String version) {
    this.script = script;
    this.json = json;
    this.sequences = new Sequences(script.counters(), json);
    this.version = version;
  }

  public Outcome handle(String command, String stdin) {
    switch (command) {
      case "version":
        return Outcome.exit(version + "\n", "", 0, "builtin", Map.of("kind", "version"));
      case "get":
      case "erase":
        String url = stdin.trim();
        if (url.isEmpty()) {
          return error(MISSING_URL, "builtin");
        }
        Outcome scripted = scripted(script.forServer(command, url), url);
        if (scripted != null) {
          return scripted;
        }
        return command.equals("get") ? get(url) : erase(url);
      case "store":
        return store(stdin);
      case "list":
        Outcome listed = scripted(script.forList(), "*");
        return listed != null ? listed : list();
      default:
        throw new IllegalArgumentException("unknown command " + command);
    }
  }

  /** The rule's answer, or null when no rule applies or the rule says to proceed. */
  private Outcome scripted(Optional<Rule> rule, String server) {
    if (rule.isEmpty()) {
      return null;
    }
    Step step = sequences.next(rule.get());
    if (step.answer() instanceof Answer.Proceed) {
      return null;
    }
    return render(step.answer(), server, rule.get().key()).after(step.delay());
  }

  private Outcome get(String url) {
    return Answers.stored(script, json, url)
        .map(creds -> render(creds, url, "store"))
        .orElseGet(() -> render(script.fallback(), url, "default"));
  }

  private Outcome erase(String url) {
    ObjectNode before =
        new LockedJsonFile(script.store(), json)
            .change(
                o -> {
                  o.remove(url);
                  return o;
                });
    return before.has(url)
        ? Outcome.exit("", "", 0, "store", Map.of("kind", "erased"))
        : error(NOT_FOUND, "store");
  }

  private Outcome store(String stdin) {
    JsonNode creds;
    try {
      creds = json.read(stdin);
    } catch (JsonProcessingException e) {
      return error("error reading credentials: " + e.getOriginalMessage(), "builtin");
    }
    String url = creds == null ? "" : creds.path("ServerURL").asText("").trim();
    if (url.isEmpty()) {
      return error(MISSING_URL, "builtin");
    }
    if (creds.path("Username").asText("").isEmpty()) {
      return error(MISSING_USER, "builtin");
    }
    Outcome scripted = scripted(script.forServer("store", url), url);
    if (scripted != null) {
      return scripted;
    }
    ObjectNode entry = json.object();
    entry.put("Username", creds.path("Username").asText());
    entry.put("Secret", creds.path("Secret").asText(""));
    new LockedJsonFile(script.store(), json).change(o -> o.set(url, entry));
    return Outcome.exit("", "", 0, "store", Map.of("kind", "stored"));
  }

  private Outcome list() {
    ObjectNode out = json.object();
    new LockedJsonFile(script.store(), json)
        .read()
        .fields()
        .forEachRemaining(e -> out.put(e.getKey(), e.getValue().path("Username").asText()));
    return Outcome.exit(
        json.write(out) + "\n", "", 0, "store", Map.of("kind", "list", "count", out.size()));
  }

  private Outcome render(Answer answer, String url, String rule) {
    Optional<Outcome> common = Answers.common(answer, rule);
    if (common.isPresent()) {
      return common.get();
    }
    Map<String, Object> log = Answers.describe(answer);
    if (answer instanceof Answer.Credentials c) {
      ObjectNode out = json.object();
      if (!c.omitServerUrl()) {
        out.put("ServerURL", c.serverUrl().orElse(url));
      }
      out.put("Username", c.username());
      out.put("Secret", c.secret());
      return Outcome.exit(json.write(out) + "\n", "", 0, rule, log);
    }
    if (answer instanceof Answer.Failure f) {
      return Outcome.exit(f.message() + "\n", "", f.exit(), rule, log);
    }
    if (answer instanceof Answer.NotFound) {
      return Outcome.exit(NOT_FOUND + "\n", "", 1, rule, log);
    }
    throw new IllegalStateException("no docker rendering for " + answer);
  }

  private static Outcome error(String message, String rule) {
    return Outcome.exit(message + "\n", "", 1, rule, Map.of("kind", "error", "message", message));
  }
}
