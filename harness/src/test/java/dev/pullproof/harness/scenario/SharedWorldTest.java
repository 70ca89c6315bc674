package dev.pullproof.harness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pullproof.harness.toml.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reproduce scenario and its fix name one world file instead of each carrying a copy. */
class SharedWorldTest {
  @TempDir Path dir;

  private static final String WORLD =
      """
      [registries.hub]
      auth = { type = "token", users = { ci = "s3cret" } }
      images = ["team/app:1.0"]

      [registries.mirror]
      mirror_of = "hub"
      """;

  private static final String USES_WORLD =
      """
      name = "pair"
      world = "files/world.toml"
      [[pull]]
      image = "{{hub.address}}/team/app:1.0"
      [expect]
      requests = ["mirror GET /v2/ -> 200"]
      """;

  @Test
  void twoScenariosNamingOneWorldFileGetTheSameRegistries() {
    ScenarioFiles.write(dir, "files/world.toml", WORLD);
    ScenarioParser parser = new ScenarioParser();
    Scenario reproduce = parser.parse(ScenarioFiles.write(dir, "reproduce.toml", USES_WORLD));
    Scenario fix = parser.parse(ScenarioFiles.write(dir, "fix.toml", USES_WORLD));

    assertThat(reproduce.registries()).containsOnlyKeys("hub", "mirror");
    assertThat(fix.registries()).isEqualTo(reproduce.registries());
  }

  @Test
  void aWorldFileAndOwnRegistriesTogetherAreRejected() {
    ScenarioFiles.write(dir, "files/world.toml", WORLD);
    Problem p =
        single(
            ScenarioFiles.write(
                dir, "both.toml", USES_WORLD + "[registries.other]\nimages = [\"a:1\"]\n"));

    assertThat(p.key()).isEqualTo("world");
    assertThat(p.message()).contains("not both");
  }

  @Test
  void aMissingWorldFileIsNamedWithWhereItWasLookedFor() {
    Problem p = single(ScenarioFiles.write(dir, "lost.toml", USES_WORLD));

    assertThat(p.key()).isEqualTo("world");
    assertThat(p.message()).contains(dir.resolve("files/world.toml").toString(), "relative");
  }

  @Test
  void aMistakeInTheWorldFileNamesTheWorldFileAndItsLine() {
    Path world =
        ScenarioFiles.write(dir, "files/world.toml", WORLD.replace("mirror_of", "mirror_off"));
    Problem p = single(ScenarioFiles.write(dir, "s.toml", USES_WORLD));

    assertThat(p.file()).isEqualTo(world);
    assertThat(p.line()).isEqualTo(6);
    assertThat(p.message()).contains("mirror_of");
  }

  private static Problem single(Path file) {
    ScenarioException e =
        catchThrowableOfType(ScenarioException.class, () -> new ScenarioParser().parse(file));
    assertThat(e).isNotNull();
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }
}
