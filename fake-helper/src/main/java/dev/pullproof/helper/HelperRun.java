package dev.pullproof.helper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullproof.helper.docker.DockerCredentialProtocol;
import dev.pullproof.helper.json.Json;
import dev.pullproof.helper.kubelet.KubeletProviderProtocol;
import dev.pullproof.helper.log.InvocationLog;
import dev.pullproof.helper.script.Script;
import dev.pullproof.helper.script.ScriptException;
import dev.pullproof.helper.script.ScriptParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One helper call from start to end: reads the script and the request, lets the protocol decide the
 * outcome, waits the delay, records the call in the invocation log (before hanging or dying, so
 * those are recorded too), then writes the answer and returns the exit code. A bad script is exit
 * {@value #BAD_SCRIPT} with the file and key on stderr (and on stdout for docker-credential calls,
 * where clients show it).
 */
public final class HelperRun {
  public static final String VERSION = "0.1.0";
  public static final int BAD_SCRIPT = 2;
  static final List<String> LOGGED_ENV = List.of("PATH", "HOME", "DOCKER_CONFIG");

  private final Clock clock;
  private final Map<String, String> env;
  private final Ending ending;
  private final Json json = new Json();

  public HelperRun(Clock clock, Map<String, String> env, Ending ending) {
    this.clock = clock;
    this.env = Map.copyOf(env);
    this.ending = ending;
  }

  /**
   * Runs the call; {@code started} is when {@code main} began (the logged duration counts from
   * there).
   */
  public int run(
      HelperArgs args, InputStream in, OutputStream out, OutputStream err, Instant started)
      throws IOException, InterruptedException {
    String stdin =
        args.command().equals("list") || args.command().equals("version")
            ? ""
            : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    Optional<Path> log = args.log();
    Outcome outcome;
    try {
      Script script = readScript(args);
      if (log.isEmpty()) {
        log = script.log();
      }
      outcome =
          args.kubelet()
              ? new KubeletProviderProtocol(script, json).handle(stdin)
              : new DockerCredentialProtocol(
                      script,
                      json,
                      "docker-credential-" + args.name() + " (pullproof fake-helper) " + VERSION)
                  .handle(args.command(), stdin);
    } catch (ScriptException e) {
      outcome = failed(args, e.getMessage(), BAD_SCRIPT, "script", "bad-script");
    } catch (UncheckedIOException e) {
      // The store or counter file cannot be used: say which, as a helper error.
      outcome = failed(args, e.getMessage(), 1, "builtin", "error");
    }
    if (!outcome.delay().isZero()) {
      Thread.sleep(outcome.delay().toMillis());
    }
    if (log.isPresent()) {
      try {
        new InvocationLog(log.get(), json).append(entry(args, stdin, outcome, started));
      } catch (UncheckedIOException e) {
        // The answer matters more to the client than the record: warn and answer.
        err.write(("fake-helper: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    if (outcome.hang().isPresent()) {
      ending.hang(outcome.hang().get().limit());
      err.write("fake-helper: hang limit reached\n".getBytes(StandardCharsets.UTF_8));
      return 1;
    }
    if (outcome.crash().isPresent()) {
      out.flush();
      ending.signal(outcome.crash().get().signal());
      return 1;
    }
    out.write(outcome.stdout().getBytes(StandardCharsets.UTF_8));
    err.write(outcome.stderr().getBytes(StandardCharsets.UTF_8));
    out.flush();
    err.flush();
    return outcome.exit();
  }

  /** A failure of the helper itself: on stderr, and on stdout too for docker-credential calls. */
  private static Outcome failed(HelperArgs args, String text, int exit, String rule, String kind) {
    String message = "fake-helper: " + text + "\n";
    return Outcome.exit(
        args.kubelet() ? "" : message, message, exit, rule, Map.of("kind", kind, "message", text));
  }

  private Script readScript(HelperArgs args) {
    if (args.script().isEmpty()) {
      throw new ScriptException(
          Path.of("(none)"),
          "",
          "no script given: pass --script FILE or set " + HelperArgs.SCRIPT_ENV);
    }
    return new ScriptParser(json).read(args.script().get());
  }

  private Map<String, Object> entry(
      HelperArgs args, String stdin, Outcome outcome, Instant started) {
    Map<String, Object> e = new LinkedHashMap<>();
    Instant now = clock.instant();
    e.put("time", now.toString());
    e.put("protocol", args.kubelet() ? "kubelet" : "docker-credential");
    e.put("name", args.name());
    e.put("command", args.command());
    e.put("request", redacted(args.command(), stdin));
    e.put("rule", outcome.rule());
    e.put("answer", outcome.answer());
    boolean ends = outcome.hang().isEmpty() && outcome.crash().isEmpty();
    e.put("exit", ends ? outcome.exit() : null);
    e.put("signal", outcome.crash().isPresent() ? outcome.crash().get().signal() : null);
    e.put("hang", outcome.hang().isPresent());
    e.put("delayMs", outcome.delay().toMillis());
    e.put("durationMs", Duration.between(started, now).toMillis());
    e.put("pid", ProcessHandle.current().pid());
    e.put(
        "script",
        args.script().isPresent() ? args.script().get().toAbsolutePath().toString() : null);
    Map<String, String> seen = new LinkedHashMap<>();
    for (String k : LOGGED_ENV) {
      seen.put(k, env.get(k));
    }
    e.put("env", seen);
    return e;
  }

  /** The request as logged: stdin for get/erase, a store request with its Secret masked. */
  private Object redacted(String command, String stdin) {
    if (!command.equals("store") && !command.equals(HelperArgs.KUBELET)) {
      return stdin.trim();
    }
    try {
      JsonNode node = json.read(stdin);
      if (node instanceof ObjectNode && node.has("Secret")) {
        ((ObjectNode) node).put("Secret", "<redacted>");
      }
      return node == null ? "" : node;
    } catch (IOException e) {
      return "<" + stdin.length() + " characters, not JSON; withheld in case they hold a secret>";
    }
  }
}
