package dev.pullproof.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.scenario.Scenario;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The failure catalogue changes only when containerd's behaviour does: two real runs of the slice
 * (their stored outcomes, with other ports, addresses and times) give the same page, byte for byte,
 * and that page is the one kept next to them.
 */
class CatalogueReproducibleTest {
  private static final String COMMAND = "./pullproof run scenarios/slice --doc slice.md";

  @Test
  void twoRealRunsOfTheSliceGiveTheSamePageByteForByte() throws Exception {
    String a = render("results-a.json");
    String b = render("results-b.json");

    assertThat(b).isEqualTo(a);
    assertThat(a).isEqualTo(Files.readString(resource("failure-catalogue.md")));
  }

  @Test
  void theRunsReallyDifferedInPortsAndTimes() throws Exception {
    String a = Files.readString(resource("results-a.json"));
    String b = Files.readString(resource("results-b.json"));
    assertThat(a).isNotEqualTo(b).contains("127.0.0.");
  }

  private static String render(String name) throws Exception {
    // The stored runs name scenario files relative to the repository root.
    List<RunResult> results = ResultsFile.read(resource(name), Path.of("..").toAbsolutePath());
    Map<String, Scenario> scenarios = new LinkedHashMap<>();
    results.forEach(r -> scenarios.putIfAbsent(r.scenario().id(), r.scenario()));
    return new CatalogueDoc(Redactor.forScenarios(List.copyOf(scenarios.values())), COMMAND)
        .render(results);
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(CatalogueReproducibleTest.class.getResource("/report/slice/" + name).toURI());
  }
}
