package dev.pullproof.harness.cli;

import dev.pullproof.harness.explain.Explain;
import dev.pullproof.harness.explain.SignatureGenerator;
import dev.pullproof.harness.report.Redactor;
import dev.pullproof.harness.run.LogLevel;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.version.ContainerdVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** From a customer's log or error to the likely cause, the proven fix and a starter scenario. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explain a failed image pull from the evidence: containerd's log (journalctl, logfmt, JSON;"
          + " info or debug), kubelet events and kubectl describe pod, crictl and ctr errors.",
      "Prints the request timeline, the likely causes ranked against the catalogue's recorded runs"
          + " (with the fix each proves), and what the evidence leaves open."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:explained: at least one cause matched",
      "1:no cause of the catalogue matched the evidence",
      "2:bad usage, or a file that cannot be read"
    })
final class ExplainCommand implements Callable<Integer> {
  /** The signature file next to a catalogue page: {@code docs/explain-signatures.json}. */
  static final String SIGNATURES = "explain-signatures.json";

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE|-",
      description = "The evidence; - or nothing reads standard input")
  String input = "-";

  @Option(names = "--config", paramLabel = "FILE", description = "The node's config.toml")
  Path config;

  @Option(names = "--hosts-dir", paramLabel = "DIR", description = "The node's certs.d directory")
  Path hostsDir;

  @Option(
      names = "--containerd",
      paramLabel = "VERSION",
      description = "1.6, 1.7 or 2 when known; otherwise inferred from the wording")
  String containerd;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      description = "Output format (default: ${DEFAULT-VALUE})")
  String format = "text";

  @Option(
      names = "--scenario-out",
      paramLabel = "FILE",
      description = "Write a starter scenario that `pullproof run` accepts")
  Path scenarioOut;

  @Option(
      names = "--signatures",
      paramLabel = "FILE",
      description = "The signature file (default: docs/" + SIGNATURES + " of this clone)")
  Path signatures;

  /**
   * Writes the signatures of a catalogue run (its runs at each log level) beside its catalogue
   * page, as {@code run} does.
   *
   * @return the file written
   */
  static Path writeSignatures(
      Map<LogLevel, List<RunResult>> byLevel, Redactor redactor, Path cataloguePage) {
    Path file = cataloguePage.resolveSibling(SIGNATURES);
    String command = "./pullproof run scenarios --doc docs/failure-catalogue.md";
    try {
      new SignatureGenerator(redactor::redact, command).write(byLevel, Path.of(""), file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("text") && !format.equals("json")) {
      return usage(err, "--format must be text or json, was '" + format + "'");
    }
    Optional<String> version = Optional.ofNullable(containerd);
    if (version.isPresent()
        && ContainerdVersion.families().stream().noneMatch(f -> f.label().equals(containerd))) {
      return usage(
          err, "--containerd must be 1.6, 1.7 or 2 (the 2.x line), was '" + containerd + "'");
    }
    if (config != null && !Files.isRegularFile(config)) {
      return usage(err, "--config " + config + ": no such file; give the node's config.toml");
    }
    if (hostsDir != null && !Files.isDirectory(hostsDir)) {
      return usage(err, "--hosts-dir " + hostsDir + ": no such directory; give the node's certs.d");
    }
    if (!input.equals("-") && !Files.isRegularFile(Path.of(input))) {
      return usage(err, input + ": no such file; give the pasted log or events, or - for stdin");
    }
    Path db = signatures != null ? signatures : defaultSignatures();
    Explain explain;
    try {
      explain = Explain.load(db);
    } catch (IOException | RuntimeException e) {
      return usage(
          err,
          db
              + ": cannot read the signature file ("
              + firstLine(e)
              + "); regenerate it with ./pullproof run --doc docs/failure-catalogue.md");
    }
    Explain.Result result;
    try (InputStream in = input.equals("-") ? System.in : Files.newInputStream(Path.of(input))) {
      result =
          explain.explain(
              input.equals("-") ? "stdin" : input,
              in,
              version,
              Optional.ofNullable(config),
              Optional.ofNullable(hostsDir),
              Optional.ofNullable(scenarioOut));
    } catch (IOException e) {
      return usage(err, input + ": cannot read (" + firstLine(e) + "); give a readable file or -");
    }
    out.print(format.equals("json") ? result.json() : result.text());
    if (scenarioOut != null) {
      try {
        Path dir = scenarioOut.toAbsolutePath().getParent();
        if (dir != null) {
          Files.createDirectories(dir);
        }
        Files.writeString(scenarioOut, result.scenario());
      } catch (IOException e) {
        return usage(
            err, scenarioOut + ": cannot write the starter scenario (" + firstLine(e) + ")");
      }
      if (format.equals("text")) {
        out.println(
            "\nstarter scenario: " + scenarioOut + " (./pullproof run " + scenarioOut + ")");
      }
    }
    out.flush();
    return result.diagnosis().causes().isEmpty() ? ExitCode.FAILED : ExitCode.OK;
  }

  private static Path defaultSignatures() {
    String home = System.getProperty("pullproof.home");
    Path docs = Path.of("docs", SIGNATURES);
    return home == null ? docs : Path.of(home).resolve(docs);
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }

  private static int usage(PrintWriter err, String message) {
    err.println("pullproof explain: " + message);
    err.flush();
    return ExitCode.USAGE;
  }
}
