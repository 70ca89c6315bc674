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
        .anySatisfy(m -> assertThat(m).contains("expected one of [success, failure, requested"));
  }

  @Test
  void severalClaimsEachJudgedByAPullAnObservationOrARequest() {
    Scenario s =
        new ScenarioParser()
            .parse(
                ScenarioFiles.write(
                    dir,
                    "many.toml",
                    """
                    name = "m"
                    [registries.hub]
                    [[pull]]
                    image = "a.test/app:1"
                    [[observe]]
                    ctr = ["plugins", "ls"]
                    [[doc.claim]]
                    text = "one"
                    holds_if = "failure"
                    pull = 0
                    [[doc.claim]]
                    text = "two"
                    holds_if = "success"
                    observe = 0
                    [[doc.claim]]
                    text = "three"
                    holds_if = "not_requested"
                    request = "hub GET /v2/* -> 200"
                    """));
    assertThat(s.doc().claims())
        .extracting(ScenarioDoc.Claim::text, ScenarioDoc.Claim::holdsIfSuccess)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("one", false),
            org.assertj.core.groups.Tuple.tuple("two", true),
            org.assertj.core.groups.Tuple.tuple("three", false));
    assertThat(s.doc().claims().get(0).step()).contains(new ScenarioDoc.Step(false, 0));
    assertThat(s.doc().claims().get(1).step()).contains(new ScenarioDoc.Step(true, 0));
    assertThat(s.doc().claims().get(2).request()).isPresent();
  }

  @Test
  void aRequestClaimWithoutItsPatternIsReported() {
    Path file =
        ScenarioFiles.write(
            dir, "r.toml", HEAD + "[doc]\nclaim = { text = \"t\", holds_if = \"requested\" }\n");
    ScenarioException e =
        catchThrowableOfType(ScenarioException.class, () -> new ScenarioParser().parse(file));
    assertThat(e.problems())
        .extracting(Problem::toString)
        .anySatisfy(p -> assertThat(p).contains("goes with request ="));
  }
}
