package dev.pullproof.helper.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pullproof.helper.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads an invocation log: "was the helper called, how, how often". */
public final class Invocations {
  private Invocations() {}

  /** Every recorded call in order; an absent file means no call at all. */
  public static List<Invocation> read(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    Json json = new Json();
    List<Invocation> out = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).isBlank()) {
          out.add(parse(json.read(lines.get(i)), json));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the invocation log " + file + ": " + e, e);
    }
    return out;
  }

  static Invocation parse(JsonNode n, Json json) {
    JsonNode exit = n.path("exit");
    JsonNode request = n.path("request");
    return new Invocation(
        Instant.parse(n.path("time").asText()),
        n.path("protocol").asText(),
        n.path("name").asText(),
        n.path("command").asText(),
        request.isTextual() ? request.asText() : json.write(request),
        n.path("rule").asText(),
        strings(n.path("answer")),
        exit.isInt() ? OptionalInt.of(exit.asInt()) : OptionalInt.empty(),
        n.path("signal").isTextual() ? Optional.of(n.path("signal").asText()) : Optional.empty(),
        Duration.ofMillis(n.path("durationMs").asLong()),
        n.path("pid").asLong(),
        strings(n.path("env")));
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> m = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }
}
