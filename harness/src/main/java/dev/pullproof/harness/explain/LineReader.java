package dev.pullproof.harness.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.harness.explain.InputLine.LogEntry;
import dev.pullproof.harness.explain.InputLine.PodEvent;
import dev.pullproof.harness.explain.InputLine.PullError;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one pasted line into an {@link InputLine}: containerd's log in logfmt ({@code time=...
 * level=... msg=...}), JSON ({@code --log-format json}) or logrus' terminal form ({@code INFO[0000]
 * msg key=value}), each possibly behind a journalctl or syslog prefix ({@code Dec 04 01:02:03 node
 * containerd[123]: }); the kubelet's klog lines ({@code E1204 01:02:03.123 123 file.go:1] "msg"
 * err="..."}); {@code kubectl describe pod} and {@code kubectl get events} rows; crictl's and ctr's
 * errors. Anything else is empty: skipped and counted by the caller.
 */
final class LineReader {
  private static final Pattern JOURNAL =
      Pattern.compile(
          "^(?<time>[A-Z][a-z]{2} +\\d{1,2} \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?"
              + "|\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d\\S*) \\S+ (?<proc>[\\w./-]+)"
              + "(?:\\[\\d+\\])?: (?<rest>.*)$");
  private static final Pattern LOGRUS_TERMINAL =
      Pattern.compile(
          "^(?<lvl>DEBU|INFO|WARN|ERRO|FATA|PANI|TRAC)\\[(?<t>[^\\]]*)\\] (?<rest>.*)$");
  private static final Pattern KLOG =
      Pattern.compile(
          "^(?<sev>[IWEF])(?<md>\\d{4}) (?<t>\\d\\d:\\d\\d:\\d\\d\\.\\d+) +\\d+ [\\w.-]+:\\d+\\] (?<rest>.*)$");
  private static final Pattern FAILED_TO_PULL =
      Pattern.compile("Failed to pull image \\\\?\"(?<image>[^\"\\\\]+)\\\\?\": (?<error>.*)$");
  private static final Pattern RPC = Pattern.compile("rpc error: code = \\w+ desc = .*");
  private static final Pattern CTR = Pattern.compile("^ctr: (?<error>.+)$");
  private static final Pattern BACKOFF =
      Pattern.compile("Back-off pulling image \\\\?\"(?<image>[^\"\\\\]+)\\\\?\"");
  private static final Pattern PULLING =
      Pattern.compile("Pulling image \\\\?\"(?<image>[^\"\\\\]+)\\\\?\"");
  private static final Pattern REASON =
      Pattern.compile(
          "\\b(?<reason>ErrImagePull|ImagePullBackOff|ErrImageNeverPull|InvalidImageName)\\b");
  private static final Pattern EVENT_AGE =
      Pattern.compile(
          "^\\s*(?:Warning|Normal)\\s+\\w+\\s+(?<age>\\S+(?: \\(x\\d+ over \\S+\\))?)\\s");
  private static final ObjectMapper JSON = new ObjectMapper();

  private LineReader() {}

  static Optional<InputLine> read(String raw, long number) {
    String line = raw.strip();
    if (line.isEmpty()) {
      return Optional.empty();
    }
    String time = "";
    String proc = "";
    Matcher journal = JOURNAL.matcher(line);
    if (journal.matches()) {
      time = journal.group("time");
      proc = journal.group("proc");
      line = journal.group("rest").strip();
    }
    Optional<InputLine> log = logEntry(line, number, time);
    if (log.isPresent()) {
      return refine(log.get(), number, proc);
    }
    Matcher klog = KLOG.matcher(line);
    if (klog.matches()) {
      String kt = klog.group("t");
      return klogLine(klog.group("rest"), number, time.isEmpty() ? kt : time);
    }
    return clientLine(line, number, time);
  }

  /** A log entry that is really a client's error (crictl's fatal line) becomes that error. */
  private static Optional<InputLine> refine(InputLine entry, long number, String proc) {
    if (entry instanceof LogEntry e && e.level().equals("fatal")) {
      Matcher rpc = RPC.matcher(e.msg());
      if (rpc.find()) {
        return Optional.of(
            new PullError(number, e.time(), "crictl", Optional.empty(), rpc.group()));
      }
    }
    if (entry instanceof LogEntry e && proc.equals("kubelet")) {
      return clientLine(e.msg(), number, e.time());
    }
    return Optional.of(entry);
  }

  private static Optional<InputLine> logEntry(String line, long number, String prefixTime) {
    if (line.startsWith("{")) {
      return jsonEntry(line, number);
    }
    Matcher terminal = LOGRUS_TERMINAL.matcher(line);
    if (terminal.matches()) {
      String rest = terminal.group("rest");
      int fields = firstField(rest);
      String msg = (fields < 0 ? rest : rest.substring(0, fields)).strip();
      Map<String, String> pairs = fields < 0 ? Map.of() : Logfmt.parse(rest.substring(fields));
      return Optional.of(
          new LogEntry(number, prefixTime, level(terminal.group("lvl")), msg, pairs));
    }
    if (!line.contains("msg=")) {
      return Optional.empty();
    }
    int start = line.indexOf("time=");
    if (start < 0) {
      start = line.indexOf("level=");
    }
    if (start < 0) {
      return Optional.empty();
    }
    Map<String, String> fields = new LinkedHashMap<>(Logfmt.parse(line.substring(start)));
    String msg = fields.remove("msg");
    String level = fields.remove("level");
    if (msg == null || level == null) {
      return Optional.empty();
    }
    String time = fields.remove("time");
    return Optional.of(
        new LogEntry(number, time == null ? prefixTime : time, level(level), msg, fields));
  }

  /** Where logrus' terminal form starts its {@code key=value} pairs: after a run of spaces. */
  private static int firstField(String rest) {
    Matcher m = Pattern.compile("\\s{2,}(?=[\\w.]+=)|\\s(?=[\\w.]+=(\"|\\S))").matcher(rest);
    return m.find() ? m.start() : -1;
  }

  private static Optional<InputLine> jsonEntry(String line, long number) {
    try {
      JsonNode node = JSON.readTree(line);
      if (node == null || !node.isObject() || !node.has("msg")) {
        return Optional.empty();
      }
      Map<String, String> fields = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        fields.put(
            e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
      }
      String msg = fields.remove("msg");
      String level = fields.remove("level");
      String time = fields.remove("time");
      return Optional.of(
          new LogEntry(
              number,
              time == null ? "" : time,
              level(level == null ? "info" : level),
              msg,
              fields));
    } catch (JsonProcessingException e) {
      // A JSON line cut short is still a line of its log; read what logfmt can.
      return Optional.empty();
    }
  }

  private static Optional<InputLine> klogLine(String rest, long number, String time) {
    Map<String, String> fields = Logfmt.parse(rest);
    String err = fields.getOrDefault("err", fields.getOrDefault("error", ""));
    String image = fields.getOrDefault("image", "");
    Matcher rpc = RPC.matcher(err);
    if (rpc.find()) {
      return Optional.of(
          new PullError(
              number,
              time,
              "kubelet",
              image.isEmpty() ? Optional.empty() : Optional.of(image),
              unescape(rpc.group())));
    }
    return clientLine(rest, number, time);
  }

  private static Optional<InputLine> clientLine(String line, long number, String time) {
    Matcher failed = FAILED_TO_PULL.matcher(line);
    if (failed.find()) {
      String error = unescape(failed.group("error"));
      return Optional.of(
          new PullError(
              number, time, "kubelet", Optional.of(failed.group("image")), trimEvent(error)));
    }
    Matcher ctr = CTR.matcher(line);
    if (ctr.matches()) {
      return Optional.of(new PullError(number, time, "ctr", Optional.empty(), line));
    }
    Matcher rpc = RPC.matcher(line);
    if (rpc.find()) {
      String client =
          line.startsWith("pulling image") || line.contains("PullImage from image service")
              ? "crictl"
              : "kubelet";
      return Optional.of(
          new PullError(number, time, client, Optional.empty(), trimEvent(unescape(rpc.group()))));
    }
    Matcher backoff = BACKOFF.matcher(line);
    if (backoff.find()) {
      return Optional.of(
          new PodEvent(
              number, eventTime(line, time), "BackOff", Optional.of(backoff.group("image"))));
    }
    Matcher pulling = PULLING.matcher(line);
    if (pulling.find()) {
      return Optional.of(
          new PodEvent(
              number, eventTime(line, time), "Pulling", Optional.of(pulling.group("image"))));
    }
    Matcher reason = REASON.matcher(line);
    if (reason.find()) {
      return Optional.of(
          new PodEvent(number, eventTime(line, time), reason.group("reason"), Optional.empty()));
    }
    return Optional.empty();
  }

  private static String eventTime(String line, String time) {
    Matcher age = EVENT_AGE.matcher(line);
    return time.isEmpty() && age.find() ? age.group("age") + " ago" : time;
  }

  /** klog quotes the error inside a quoted field: {@code \"} and {@code \\} come back as is. */
  private static String unescape(String text) {
    return text.replace("\\\\\"", "\"").replace("\\\"", "\"").replace("\\\\", "\\");
  }

  /** An error quoted inside a kubelet message ends at its closing quote. */
  private static String trimEvent(String error) {
    String e = error.strip();
    if (e.endsWith("\"")) {
      e = e.substring(0, e.length() - 1);
    }
    return e;
  }

  static String level(String raw) {
    String l = raw.toLowerCase(Locale.ROOT);
    return switch (l) {
      case "debu" -> "debug";
      case "erro" -> "error";
      case "warn" -> "warning";
      case "fata" -> "fatal";
      case "trac" -> "trace";
      case "pani" -> "panic";
      default -> l;
    };
  }
}
