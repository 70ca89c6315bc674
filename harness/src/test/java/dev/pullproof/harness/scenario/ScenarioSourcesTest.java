package dev.pullproof.harness.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioSourcesTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void aScenarioIsReadFromItsTomlItsWorldAndEveryFileItReferences() throws Exception {
    Path world = write("shared/world.toml", "[registries.hub]\nimages = [\"a:1\"]\n");
    Path hosts = write("s/files/hosts.toml", "server = \"https://x.test\"\n");
    Path config = write("s/files/config-v3.toml", "version = 3\n");
    Path helper = write("s/files/helper.json", "{}\n");
    Path toml =
        write(
            "s/all.toml",
            """
            name = "all"
            versions = ["1.7", "2"]
            world = "../shared/world.toml"

            [containerd.files]
            "certs.d/x.test/hosts.toml" = { file = "files/hosts.toml" }
            "config.toml" = "version = 2\\n"

            [containerd.version."2".files]
            "config.toml" = { file = "files/config-v3.toml" }

            [[pull]]
            image = "{{hub.address}}/a:1"
            credential_provider = { match_images = ["*"], default_cache_duration = "1m", script_file = "files/helper.json" }
            """);

    Scenario s = new ScenarioParser().parse(toml);

    assertThat(ScenarioSources.of(s))
        .containsExactlyInAnyOrder(
            toml.toAbsolutePath(),
            world.toAbsolutePath(),
            hosts.toAbsolutePath(),
            config.toAbsolutePath(),
            helper.toAbsolutePath());
  }

  @Test
  void aScenarioWithEverythingInlineIsReadFromItsTomlAlone() throws Exception {
    Path toml =
        write(
            "inline.toml",
            "name = \"inline\"\n[containerd.files]\n\"config.toml\" = \"version = 2\\n\"\n"
                + "[[pull]]\nimage = \"r.test/a:1\"\n");

    assertThat(ScenarioSources.of(new ScenarioParser().parse(toml)))
        .containsExactly(toml.toAbsolutePath());
  }
}
