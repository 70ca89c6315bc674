package dev.pullproof.harness.explain;

import java.util.List;
import java.util.Map;

/**
 * The generated signature file ({@code docs/explain-signatures.json}): for every (scenario,
 * version) run of a real catalogue run, what the pulls returned and what containerd logged, reduced
 * to {@link Normal} shape with secrets masked; {@code ./pullproof run --doc} records each run at
 * info and at debug level. Written by {@link SignatureGenerator} from the run's own results; read
 * by {@link SignatureDatabase}. Nothing in it is written by hand.
 *
 * @param command the command that regenerates it
 * @param versions per family label, the exact containerd version of that run
 * @param common per family label, the lines most runs logged (start-up): no evidence of any one
 *     failure, but they tell the version apart
 */
public record SignatureFile(
    int format,
    String command,
    Map<String, String> versions,
    List<ScenarioEntry> scenarios,
    List<RunEvidence> runs,
    Map<String, List<String>> common) {
  /** The format this build writes and reads (2: runs carry the log level they were run at). */
  public static final int FORMAT = 2;

  public SignatureFile {
    versions = Map.copyOf(versions);
    scenarios = List.copyOf(scenarios);
    runs = List.copyOf(runs);
    common = Map.copyOf(common);
  }

  /**
   * What the catalogue says about a scenario.
   *
   * @param file relative to the directory the run was started in
   * @param fixes the scenarios its {@code [doc] fixes} names, with whether each pulled per version
   */
  public record ScenarioEntry(String id, String file, String summary, String why, List<Fix> fixes) {
    public ScenarioEntry {
      summary = summary == null ? "" : summary;
      why = why == null ? "" : why;
      fixes = List.copyOf(fixes);
    }
  }

  /** A fix scenario and, per family label, whether its pulls all succeeded in that run. */
  public record Fix(String id, String file, Map<String, Boolean> pulls) {
    public Fix {
      pulls = Map.copyOf(pulls);
    }
  }

  /**
   * One (scenario, version) run at one log level.
   *
   * @param level containerd's {@code --log-level} in that run: {@code info} or {@code debug}
   * @param failed how many of its pulls failed
   * @param errors each distinct pull error, split into lines (ctr prints its resolver's log first)
   * @param log the distinct lines containerd logged that most runs did not
   */
  public record RunEvidence(
      String scenario,
      String version,
      String level,
      String verdict,
      int pulls,
      int failed,
      List<List<String>> errors,
      List<String> log) {
    public RunEvidence {
      if (level == null || level.isBlank()) {
        throw new IllegalArgumentException("run " + scenario + " on " + version + ": no level");
      }
      errors = errors.stream().map(List::copyOf).toList();
      log = List.copyOf(log);
    }
  }
}
