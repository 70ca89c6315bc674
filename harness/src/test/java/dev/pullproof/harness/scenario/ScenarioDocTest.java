package dev.pullproof.harness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pullproof.harness.toml.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code [doc]} table: what the failure catalogue says about a scenario. */
class ScenarioDocTest {
  @TempDir Path dir;

  private static final String HEAD = "name = \"x\"\n[[pull]]\nimage = \"a.test/app:1\"\n";

  @Test
  void whyFixesAndAClaimAreRead() {
    ScenarioFiles.write(dir, "t/fix.toml", HEAD);
    Scenario s =
        new ScenarioParser()
            .parse(
                ScenarioFiles.write(
                    dir,
                    "t/reproduce.toml",
                    HEAD
                        + """
                        [doc]
                        topic = "Credential helpers"
                        why = "  containerd has no such key.  "
                        fixes = ["fix.toml"]
                        claim = { text = "the helper is used", source = "write-up", holds_if = "success" }
                        """));

    assertThat(s.doc().topic()).contains("Credential helpers");
    assertThat(s.doc().why()).isEqualTo("containerd has no such key.");
    assertThat(s.doc().fixes()).containsExactly("fix.toml");
    assertThat(s.doc().claim())
        .hasValueSatisfying(
            c -> {
              assertThat(c.text()).isEqualTo("the helper is used");
              assertThat(c.holdsIfSuccess()).isTrue();
            });
  }

  @Test
  void aScenarioWithoutDocHasNone() {
    Scenario s = new ScenarioParser().parse(ScenarioFiles.write(dir, "s.toml", HEAD));
    assertThat(s.doc()).isEqualTo(ScenarioDoc.NONE);
  }

  @Test
  void aFixThatIsNotAFileAndAClaimWithoutAVerdictRuleAreReported() {
    Path file =
        ScenarioFiles.write(
            dir,
            "s.toml",
            HEAD
                + "[doc]\nfixes = [\"nowhere.toml\"]\nclaim = { text = \"t\", holds_if = \"ok\" }\n");
    ScenarioException e =
        catchThrowableOfType(ScenarioException.class, () -> new ScenarioParser().parse(file));

    assertThat(e.problems())
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("no scenario file 'nowhere.toml'"))
        .anySatisfy(m -> assertThat(m).contains("\"success\" or \"failure\""));
  }
}
