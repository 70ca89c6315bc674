package dev.pullproof.harness.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue in scenarios/ and every example in its README stay valid scenario files. */
class CatalogueDocsTest {
  private static final Path SCENARIOS = Path.of("..", "scenarios");

  @TempDir Path dir;

  @Test
  void everyScenarioInTheCatalogueParses() {
    List<Scenario> all = new ScenarioCatalog().load(List.of(SCENARIOS));
    assertThat(all).extracting(Scenario::id).contains("slice/anonymous-pull");
    assertThat(all).allSatisfy(s -> assertThat(s.versions()).isNotEmpty());
  }

  @Test
  void everyFullExampleInTheReadmeParses() throws Exception {
    String readme = Files.readString(SCENARIOS.resolve("README.md"));
    Matcher blocks = Pattern.compile("```toml\n(.*?)```", Pattern.DOTALL).matcher(readme);
    Files.createDirectories(dir.resolve("files"));
    Files.writeString(dir.resolve("files/config-v2.toml"), "version = 2\n");
    Files.writeString(dir.resolve("files/helper.json"), "{}\n");
    List<String> parsed = new ArrayList<>();
    int n = 0;
    while (blocks.find()) {
      String toml = blocks.group(1);
      if (!toml.startsWith("name")) {
        continue;
      }
      Path file = Files.writeString(dir.resolve("example-" + ++n + ".toml"), toml);
      parsed.add(new ScenarioParser().parse(file).name());
    }
    assertThat(parsed)
        .containsExactly(
            "token-registry-without-credentials",
            "world",
            "tls",
            "faults",
            "hub-limits",
            "mirror",
            "dead-mirror",
            "files",
            "placeholders",
            "pulls",
            "observe",
            "expectations");
  }
}
