package dev.pullproof.harness.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pullproof.harness.run.Failure;
import dev.pullproof.harness.run.NodeInvocation;
import dev.pullproof.harness.run.Observation;
import dev.pullproof.harness.run.Outcome;
import dev.pullproof.harness.run.PullAttempt;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.Verdict;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioParser;
import dev.pullproof.harness.scenario.Via;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.world.HostRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's results as JSON ({@code results.json} in the report directory): every outcome and
 * verdict, each text redacted like every report, and each scenario as its file and id, read again
 * from that file on load. What {@code report merge} joins and the reproducible-docs test replays.
 */
public final class ResultsFile {
  static final String NAME = "results.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultsFile() {}

  /** Writes the results; scenario files are named relative to {@code root} when under it. */
  public static void write(List<RunResult> results, Path file, Path root, Redactor redactor)
      throws IOException {
    ArrayNode runs = JSON.createArrayNode();
    Path base = root.toAbsolutePath().normalize();
    for (RunResult r : results) {
      ObjectNode run = runs.addObject();
      Path scenario = r.scenario().file().toAbsolutePath().normalize();
      run.put(
          "scenario",
          (scenario.startsWith(base) ? base.relativize(scenario) : scenario).toString());
      run.put("id", r.scenario().id());
      run.put("containerd", r.family().label());
      outcome(run.putObject("outcome"), r.outcome());
      verdict(run.putObject("verdict"), r.verdict());
    }
    ObjectNode doc = JSON.createObjectNode();
    doc.put("format", 1);
    doc.set("runs", runs);
    redact(doc, redactor);
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
  }

  /** Reads results back, each scenario parsed again from its file (relative ones under root). */
  public static List<RunResult> read(Path file, Path root) throws IOException {
    JsonNode doc;
    try {
      doc = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + " is not a pullproof results file: " + e.getMessage(), e);
    }
    if (doc == null || doc.path("format").asInt() != 1 || !doc.path("runs").isArray()) {
      throw new IOException(
          file + " is not a pullproof results file (format 1); write it with pullproof run");
    }
    Map<String, Scenario> scenarios = new HashMap<>();
    List<RunResult> results = new ArrayList<>();
    for (JsonNode run : doc.get("runs")) {
      Path path = root.resolve(run.get("scenario").asText());
      String id = run.get("id").asText();
      Scenario s =
          scenarios.computeIfAbsent(id + "\n" + path, k -> new ScenarioParser().parse(path, id));
      results.add(
          new RunResult(
              s,
              ContainerdVersion.recorded(run.get("containerd").asText()),
              outcome(run.get("outcome")),
              verdict(run.get("verdict"))));
    }
    return results;
  }

  private static void outcome(ObjectNode o, Outcome outcome) {
    o.put("containerdVersion", outcome.containerdVersion());
    outcome.criPluginLoaded().ifPresent(v -> o.put("criPluginLoaded", v));
    ArrayNode pulls = o.putArray("pulls");
    for (PullAttempt p : outcome.pulls()) {
      ObjectNode n = pulls.addObject();
      n.put("pull", p.pull());
      n.put("repetition", p.repetition());
      n.put("image", p.image());
      n.put("via", p.via().name());
      n.put("success", p.success());
      n.put("error", p.error());
      n.put("started", p.started().toString());
      n.put("duration", p.duration().toString());
    }
    ObjectNode journals = o.putObject("journals");
    outcome
        .journals()
        .forEach(
            (host, requests) -> {
              ArrayNode list = journals.putArray(host);
              for (HostRequest q : requests) {
                ObjectNode n = list.addObject();
                n.put("sequence", q.sequence());
                n.put("time", q.time().toString());
                n.put("method", q.method());
                n.put("path", q.path());
                n.put("query", q.query());
                n.put("status", q.status());
                n.put("errorCode", q.errorCode());
                n.put("fault", q.fault());
                n.put("scheme", q.principal().scheme());
                n.put("identity", q.principal().identity());
                n.put("duration", q.duration().toString());
                n.put("route", q.route());
              }
            });
    o.put("containerdLog", outcome.containerdLog());
    outcome.helperLog().forEach(o.putArray("helperLog")::add);
    outcome.harnessError().ifPresent(e -> o.put("harnessError", e));
    ArrayNode observed = o.putArray("observations");
    for (Observation x : outcome.observations()) {
      ObjectNode n = observed.addObject();
      n.put("index", x.index());
      n.put("step", x.step());
      n.put("success", x.success());
      n.put("output", x.output());
      n.put("took", x.took().toString());
    }
    ArrayNode calls = o.putArray("invocations");
    for (NodeInvocation c : outcome.invocations()) {
      ObjectNode n = calls.addObject();
      n.put("program", c.program());
      c.args().forEach(n.putArray("args")::add);
      n.put("stdin", c.stdin());
      n.put("time", c.time().toString());
    }
    o.put("started", outcome.started().toString());
    o.put("wallTime", outcome.wallTime().toString());
  }

  private static Outcome outcome(JsonNode o) {
    List<PullAttempt> pulls = new ArrayList<>();
    for (JsonNode n : o.path("pulls")) {
      pulls.add(
          new PullAttempt(
              n.get("pull").asInt(),
              n.get("repetition").asInt(),
              n.get("image").asText(),
              Via.valueOf(n.get("via").asText()),
              n.get("success").asBoolean(),
              n.get("error").asText(),
              Instant.parse(n.get("started").asText()),
              Duration.parse(n.get("duration").asText())));
    }
    Map<String, List<HostRequest>> journals = new LinkedHashMap<>();
    o.path("journals")
        .fields()
        .forEachRemaining(
            e -> {
              List<HostRequest> list = new ArrayList<>();
              for (JsonNode n : e.getValue()) {
                list.add(
                    new HostRequest(
                        e.getKey(),
                        n.get("sequence").asLong(),
                        Instant.parse(n.get("time").asText()),
                        n.get("method").asText(),
                        n.get("path").asText(),
                        n.get("query").asText(),
                        n.get("status").asInt(),
                        text(n, "errorCode"),
                        text(n, "fault"),
                        new HostRequest.Principal(
                            n.get("scheme").asText(), n.get("identity").asText()),
                        Duration.parse(n.get("duration").asText()),
                        n.get("route").asText()));
              }
              journals.put(e.getKey(), list);
            });
    List<String> helper = new ArrayList<>();
    o.path("helperLog").forEach(n -> helper.add(n.asText()));
    List<Observation> observed = new ArrayList<>();
    for (JsonNode n : o.path("observations")) {
      observed.add(
          new Observation(
              n.get("index").asInt(),
              n.get("step").asText(),
              n.get("success").asBoolean(),
              n.get("output").asText(),
              Duration.parse(n.get("took").asText())));
    }
    List<NodeInvocation> calls = new ArrayList<>();
    for (JsonNode n : o.path("invocations")) {
      List<String> args = new ArrayList<>();
      n.path("args").forEach(a -> args.add(a.asText()));
      calls.add(
          new NodeInvocation(
              n.get("program").asText(),
              args,
              n.get("stdin").asText(),
              Instant.parse(n.get("time").asText())));
    }
    return new Outcome(
        o.get("containerdVersion").asText(),
        o.has("criPluginLoaded")
            ? Optional.of(o.get("criPluginLoaded").asBoolean())
            : Optional.empty(),
        pulls,
        journals,
        o.get("containerdLog").asText(),
        helper,
        Optional.ofNullable(text(o, "harnessError")),
        Instant.parse(o.get("started").asText()),
        Duration.parse(o.get("wallTime").asText()),
        observed,
        calls);
  }

  private static void verdict(ObjectNode v, Verdict verdict) {
    v.put("status", verdict.status().name());
    ArrayNode failures = v.putArray("failures");
    for (Failure f : verdict.failures()) {
      ObjectNode n = failures.addObject();
      n.put("check", f.check());
      n.put("expected", f.expected());
      n.put("actual", f.actual());
      n.put("detail", f.detail());
    }
    verdict.error().ifPresent(e -> v.put("error", e));
  }

  private static Verdict verdict(JsonNode v) {
    List<Failure> failures = new ArrayList<>();
    for (JsonNode n : v.path("failures")) {
      failures.add(
          new Failure(
              n.get("check").asText(),
              n.get("expected").asText(),
              n.get("actual").asText(),
              n.get("detail").asText()));
    }
    return new Verdict(
        Verdict.Status.valueOf(v.get("status").asText()),
        failures,
        Optional.ofNullable(text(v, "error")));
  }

  private static void redact(JsonNode node, Redactor redactor) {
    if (node instanceof ObjectNode object) {
      object
          .properties()
          .forEach(
              e -> {
                if (e.getValue().isTextual()) {
                  e.setValue(TextNode.valueOf(redactor.redact(e.getValue().asText())));
                } else {
                  redact(e.getValue(), redactor);
                }
              });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, TextNode.valueOf(redactor.redact(array.get(i).asText())));
        } else {
          redact(array.get(i), redactor);
        }
      }
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode value = n.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
