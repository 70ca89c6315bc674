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

/**
 * Every README example, mutated line by line (line removed, value replaced by a value of each other
 * type), either parses or is rejected with located problems: the parser never fails with anything
 * else.
 */
class ParserRobustnessTest {
  private static final List<String> REPLACEMENTS =
      List.of(
          "1", "-1", "1.5", "true", "\"x\"", "[]", "[1, \"a\"]", "{}", "{ a = 1 }", "1979-05-27");

  @TempDir Path dir;

  @Test
  void mutatedExamplesParseOrAreRejectedWithLocatedProblems() throws Exception {
    String readme = Files.readString(Path.of("..", "scenarios", "README.md"));
    Matcher blocks = Pattern.compile("```toml\n(.*?)```", Pattern.DOTALL).matcher(readme);
    Files.createDirectories(dir.resolve("files"));
    Files.writeString(dir.resolve("files/config-v2.toml"), "version = 2\n");
    Files.writeString(dir.resolve("files/helper.json"), "{}\n");
    List<String> variants = new ArrayList<>();
    while (blocks.find()) {
      if (!blocks.group(1).startsWith("name")) {
        continue;
      }
      List<String> lines = blocks.group(1).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        List<String> without = new ArrayList<>(lines);
        without.remove(i);
        variants.add(String.join("\n", without));
        int eq = lines.get(i).indexOf(" = ");
        if (eq > 0 && !lines.get(i).startsWith(" ")) {
          for (String value : REPLACEMENTS) {
            List<String> changed = new ArrayList<>(lines);
            changed.set(i, lines.get(i).substring(0, eq) + " = " + value);
            variants.add(String.join("\n", changed));
          }
        }
      }
    }
    int parsed = 0;
    int rejected = 0;
    for (int n = 0; n < variants.size(); n++) {
      Path file = Files.writeString(dir.resolve("v" + n + ".toml"), variants.get(n));
      try {
        new ScenarioParser().parse(file);
        parsed++;
      } catch (ScenarioException e) {
        rejected++;
        assertThat(e.problems())
            .allSatisfy(p -> assertThat(p.line()).as(e.getMessage()).isPositive());
      }
    }
    assertThat(variants).hasSizeGreaterThan(300);
    assertThat(rejected).isGreaterThan(parsed);
  }
}
