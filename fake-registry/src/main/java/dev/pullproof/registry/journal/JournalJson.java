package dev.pullproof.registry.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Exports journal entries as a JSON array, one object per request, for reports and tooling. */
public final class JournalJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JournalJson() {}

  public static String toJson(List<JournalEntry> entries) {
    ArrayNode array = JSON.createArrayNode();
    entries.forEach(e -> array.add(node(e)));
    try {
      return JSON.writeValueAsString(array);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render journal as JSON", e);
    }
  }

  /** One entry as the JSON object {@link #toJson} puts in its array. */
  static ObjectNode node(JournalEntry e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("sequence", e.sequence());
    o.put("time", e.time().toString());
    o.put("client", e.client());
    o.put("host", e.host());
    o.put("method", e.method());
    o.put("path", e.path());
    o.put("query", e.query());
    o.put("status", e.status());
    o.put("requestBytes", e.requestBytes());
    o.put("responseBytes", e.responseBytes());
    o.put("durationMillis", e.duration().toNanos() / 1_000_000.0);
    o.put("route", e.routeKind());
    o.put("repository", e.repository());
    o.put("errorCode", e.errorCode());
    ObjectNode who = o.putObject("credentials");
    who.put("scheme", e.principal().scheme());
    who.put("identity", e.principal().identity());
    e.principal().scopes().forEach(who.putArray("scopes")::add);
    o.put("accept", e.accept());
    o.put("userAgent", e.userAgent());
    o.put("fault", e.fault());
    if (e.replay() != null) {
      o.put("replay", e.replay());
    }
    return o;
  }

  public static void write(List<JournalEntry> entries, Path file) {
    try {
      Files.writeString(file, toJson(entries));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write journal to " + file, e);
    }
  }
}
