package dev.pullproof.harness.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pullproof.harness.explain.InputLine.PullError;
import dev.pullproof.harness.text.SecretMask;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code pullproof explain}'s one entry: reads the evidence once, streaming, ranks it against the
 * signature file and renders the diagnosis as text or JSON, and the starter scenario. Secrets of
 * the input and of the node's files are masked in all of it.
 */
public final class Explain {
  private final SignatureDatabase db;

  private Explain(SignatureDatabase db) {
    this.db = db;
  }

  /** Reads the signature file; an {@link IOException} names what is wrong with it. */
  public static Explain load(Path signatures) throws IOException {
    return new Explain(SignatureDatabase.of(SignatureDatabase.read(signatures)));
  }

  /** The result of one explain: the diagnosis and the text and JSON views of it. */
  public record Result(Diagnosis diagnosis, String text, String json, String scenario) {}

  /**
   * @param version {@code 1.6}, {@code 1.7} or {@code 2}, when the user knows it
   * @param scenarioOut where the starter scenario will be written, when asked for
   */
  public Result explain(
      String source,
      InputStream input,
      Optional<String> version,
      Optional<Path> config,
      Optional<Path> hostsDir,
      Optional<Path> scenarioOut)
      throws IOException {
    ErrorsKept errors = new ErrorsKept();
    Evidence evidence = Scan.of(input, errors::add);
    Set<String> fileSecrets = new LinkedHashSet<>();
    for (Path f : nodeFiles(config, hostsDir)) {
      for (String line : Files.readAllLines(f)) {
        InputSecrets.collect(line, fileSecrets);
      }
    }
    Diagnosis d =
        new Explainer(db)
            .explain(
                source,
                evidence,
                version,
                fileSecrets,
                new Explainer.NodeFilesGiven(config.isPresent(), hostsDir.isPresent()));
    Set<String> secrets = new LinkedHashSet<>(evidence.secrets());
    secrets.addAll(fileSecrets);
    SecretMask mask = SecretMask.of(secrets);
    String scenario = "";
    if (scenarioOut.isPresent()) {
      List<PullError> masked =
          errors.kept.stream()
              .map(
                  e ->
                      new PullError(
                          e.number(), e.time(), e.client(), e.image(), mask.apply(e.text())))
              .toList();
      scenario = mask.apply(StarterScenario.render(d, masked, config, hostsDir, scenarioOut.get()));
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.findAndRegisterModules();
    String jsonText = mask.apply(json.writeValueAsString(d)) + "\n";
    return new Result(d, mask.apply(TextOutput.render(d)), jsonText, scenario);
  }

  private static List<Path> nodeFiles(Optional<Path> config, Optional<Path> hostsDir)
      throws IOException {
    List<Path> files = new ArrayList<>();
    config.ifPresent(files::add);
    if (hostsDir.isPresent()) {
      try (Stream<Path> walk = Files.walk(hostsDir.get())) {
        walk.filter(Files::isRegularFile)
            .filter(p -> p.toString().endsWith(".toml"))
            .sorted()
            .forEach(files::add);
      }
    }
    return files;
  }

  /** The pull errors of the input, the last few: the starter scenario's expectation. */
  private static final class ErrorsKept {
    static final int MAX = 20;
    final List<PullError> kept = new ArrayList<>();

    void add(PullError e) {
      if (kept.size() == MAX) {
        kept.remove(0);
      }
      kept.add(e);
    }
  }
}
