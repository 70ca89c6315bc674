package dev.pullproof.harness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pullproof.harness.toml.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each mistake is reported with the file, the line and the key, and a hint where one is clear. */
class ScenarioParserErrorTest {
  @TempDir Path dir;

  private static final String PULL = "[[pull]]\nimage = \"a.test/app:1\"\n";

  private List<Problem> problems(String text) {
    Path file = ScenarioFiles.write(dir, "bad.toml", text);
    ScenarioException e =
        catchThrowableOfType(ScenarioException.class, () -> new ScenarioParser().parse(file));
    assertThat(e).as("expected the parser to reject:\n" + text).isNotNull();
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file));
    return e.problems();
  }

  private Problem only(String text) {
    List<Problem> found = problems(text);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void aMisspeltKeyIsNamedWithItsLineAndTheKeyItProbablyMeant() {
    Problem p =
        only(
            "name = \"x\"\n[registries.hub]\nauth = { tpye = \"token\", type = \"token\" }\n"
                + PULL);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.key()).isEqualTo("registries.hub.auth.tpye");
    assertThat(p.message()).contains("unknown key 'tpye'").contains("did you mean 'type'?");
    assertThat(p.toString()).startsWith(dir.resolve("bad.toml") + ":3: registries.hub.auth.tpye: ");
  }

  @Test
  void aJournalCapacityBelowOneIsNamedWithItsLine() {
    Problem p = only("name = \"x\"\n[registries.hub]\njournal_capacity = 0\n" + PULL);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.key()).isEqualTo("registries.hub.journal_capacity");
    assertThat(p.message()).contains("must be 1 to 2147483647, got 0");
  }

  @Test
  void anUnknownKeyWithNoNearNeighbourListsTheAllowedKeys() {
    Problem p = only("name = \"x\"\nflavour = 3\n" + PULL);
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.message()).contains("unknown key 'flavour'").contains("allowed: [name, summary");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "repeat = \"3\"|repeat|expected an integer, got a string",
        "repeat = 0|repeat|must be 1 to 10000, got 0",
        "summary = 1|summary|expected a string, got an integer",
        "versions = \"2\"|versions|expected an array, got a string",
        "timeout = \"30 seconds\"|timeout|must be a number with a unit ms, s, m or h",
        "remove_images = \"yes\"|remove_images|expected true or false, got a string",
        "remove_images = true|remove_images|needs repeat of 2 or more",
      })
  void aValueOfTheWrongTypeOrRangeNamesTheExpectation(String line, String key, String message) {
    Problem p = only("name = \"x\"\n" + line + "\n" + PULL);
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.key()).isEqualTo(key);
    assertThat(p.message()).contains(message);
  }

  @Test
  void keysTakingSeveralShapesNameThemAll() {
    List<Problem> found =
        problems(
            "name = \"x\"\n[registries.r]\ntls = \"yes\"\nauth = 1\n"
                + PULL
                + "[expect]\nhelper_invocations = \"once\"\n");
    assertThat(found)
        .extracting(Problem::message)
        .containsExactly(
            "expected true, false or a table such as { mode = \"valid\" }, got a string",
            "expected \"none\", \"basic\", \"token\" or a table such as { type = \"basic\" }, got an"
                + " integer",
            "expected an integer or a table such as { min = 1, max = 2 }, got a string");
  }

  @Test
  void aContainerdVersionThatDoesNotExistIsRejectedWithTheKnownOnes() {
    Problem p = only("name = \"x\"\nversions = [\"1.6\", \"1.8\"]\n" + PULL);
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.key()).isEqualTo("versions[1]");
    assertThat(p.message())
        .contains("unknown containerd version '1.8'")
        .contains("the families [1.6, 1.7, 2] or an exact release such as \"2.2.1\"");
  }

  @Test
  void writing2xAsItsFullVersionSuggestsTheFamilyLabel() {
    Problem p = only("name = \"x\"\n" + PULL + "[expect.version.\"2.1\"]\noutcome = \"success\"\n");
    assertThat(p.key()).isEqualTo("expect.version.\"2.1\"");
    assertThat(p.message()).contains("did you mean '2'?");
  }

  @Test
  void aPerVersionTableForAVersionTheScenarioDoesNotRunIsAnError() {
    Problem p =
        only(
            "name = \"x\"\nversions = [\"2\"]\n"
                + PULL
                + "[expect.version.\"1.6\"]\noutcome = \"success\"\n");
    assertThat(p.key()).isEqualTo("expect.version.\"1.6\"");
    assertThat(p.line()).isEqualTo(5);
    assertThat(p.message()).contains("refines version 1.6").contains("versions = [2]");
  }

  @Test
  void aRequestPatternNamingAnUndefinedRegistrySuggestsTheDefinedOne() {
    Problem p =
        only(
            "name = \"x\"\n[registries.hub]\n"
                + PULL
                + "[expect]\nrequests = [\"hbu GET /v2/ -> 401\"]\n");
    assertThat(p.key()).isEqualTo("expect.requests[0]");
    assertThat(p.line()).isEqualTo(6);
    assertThat(p.message())
        .contains("names undefined registry 'hbu'")
        .contains("did you mean 'hub'?");
  }

  @Test
  void aPlaceholderNamingAnUndefinedRegistryIsAnError() {
    Problem p =
        only("name = \"x\"\n[registries.hub]\n[[pull]]\nimage = \"{{hub2.address}}/app:1\"\n");
    assertThat(p.key()).isEqualTo("pull[0].image");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.message()).contains("{{hub2.address}}").contains("did you mean 'hub'?");
  }

  @Test
  void placeholdersInContainerdFilesAreCheckedWhereTheyAreWritten() {
    List<Problem> found =
        problems(
            "name = \"x\"\n[registries.hub]\n"
                + PULL
                + "[containerd.files]\n\"certs.d/{{hub.adress}}/hosts.toml\" = \"server = '{{hbu.url}}'\\n\"\n"
                + "[containerd.version.\"1.6\".files]\n\"config.toml\" = \"version = 2\\n\"\n");
    assertThat(found)
        .extracting(Problem::line, Problem::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                6, "containerd.files.\"certs.d/{{hub.adress}}/hosts.toml\""),
            org.assertj.core.groups.Tuple.tuple(
                6, "containerd.files.\"certs.d/{{hub.adress}}/hosts.toml\""));
    assertThat(found.get(0).message())
        .contains("unknown placeholder attribute 'adress'")
        .contains("did you mean 'address'?");
    assertThat(found.get(1).message()).contains("{{hbu.url}} names undefined registry 'hbu'");
  }

  @Test
  void aMirrorOfAnUndefinedRegistryIsAnError() {
    Problem p = only("name = \"x\"\n[registries.m]\nmirror_of = { registry = \"up\" }\n" + PULL);
    assertThat(p.key()).isEqualTo("registries.m.mirror_of");
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.message()).contains("mirror of undefined registry 'up'");
  }

  @Test
  void twoRegistriesImpersonatingTheSameAddressAreRejected() {
    Problem p =
        only(
            "name = \"x\"\n[registries.a]\nhost = \"r.test\"\n[registries.b]\nhost = \"r.test\"\n"
                + PULL);
    assertThat(p.key()).isEqualTo("registries.b.host");
    assertThat(p.message()).contains("'a' and 'b' both are r.test:80");
  }

  @Test
  void tlsRegistriesDisagreeingOnWhetherTheNodeTrustsTheWorldCaAreRejected() {
    Problem p =
        only(
            "name = \"x\"\n[registries.a]\ntls = { system_trust = false }\n"
                + "[registries.b]\ntls = true\n"
                + PULL);
    assertThat(p.key()).isEqualTo("registries.b.tls");
    assertThat(p.message()).contains("[a] keep it out of the node's system store");
  }

  @Test
  void aBadRequestPatternSaysWhatShapeIsExpected() {
    Problem p = only("name = \"x\"\n" + PULL + "[expect]\nrequests = [\"hub\"]\n");
    assertThat(p.key()).isEqualTo("expect.requests[0]");
    assertThat(p.line()).isEqualTo(5);
    assertThat(p.message()).contains("'REGISTRY METHOD PATH [-> STATUS]'");
  }

  @Test
  void anInvalidRegexNamesTheVersionKey() {
    Problem p = only("name = \"x\"\n" + PULL + "[expect]\nerror_matches = { \"1.7\" = \"(\" }\n");
    assertThat(p.key()).isEqualTo("expect.error_matches.\"1.7\"");
    assertThat(p.message()).contains("not a valid regular expression");
  }

  @Test
  void unknownEnumeratedValuesSuggestTheNearestOne() {
    List<Problem> found =
        problems(
            """
            name = "x"
            [registries.hub]
            auth = "tokn"
            [[registries.hub.faults]]
            route = "blobs"
            fault = { stauts = 503 }
            [[pull]]
            image = "a.test/app:1"
            via = "ctl"
            [expect]
            outcome = "fail"
            """);
    assertThat(found)
        .extracting(Problem::key, Problem::line)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("registries.hub.auth", 3),
            org.assertj.core.groups.Tuple.tuple("registries.hub.faults[0].route", 5),
            org.assertj.core.groups.Tuple.tuple("registries.hub.faults[0].fault.stauts", 6),
            org.assertj.core.groups.Tuple.tuple("pull[0].via", 9),
            org.assertj.core.groups.Tuple.tuple("expect.outcome", 11));
    assertThat(found)
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("did you mean 'token'?"))
        .anySatisfy(m -> assertThat(m).contains("did you mean 'blob'?"))
        .anySatisfy(m -> assertThat(m).contains("did you mean 'status'?"))
        .anySatisfy(m -> assertThat(m).contains("did you mean 'ctr'?"))
        .anySatisfy(m -> assertThat(m).contains("did you mean 'failure'?"));
  }

  @Test
  void aMissingNameAndMissingPullAreBothReported() {
    assertThat(problems("summary = \"s\"\n"))
        .extracting(Problem::key)
        .containsExactlyInAnyOrder("name", "pull");
  }

  @Test
  void aFileReferenceThatLooksLikeInlineTextIsCaught() {
    Problem p =
        only(
            "name = \"x\"\n"
                + PULL
                + "[containerd.files]\n\"config.toml\" = \"configs/v2.toml\"\n");
    assertThat(p.key()).isEqualTo("containerd.files.\"config.toml\"");
    assertThat(p.line()).isEqualTo(5);
    assertThat(p.message()).contains("write { file = \"configs/v2.toml\" }");
  }

  @Test
  void aMissingReferencedFileIsNamed() {
    Problem p =
        only(
            "name = \"x\"\n"
                + PULL
                + "[containerd.files]\n\"config.toml\" = { file = \"files/none.toml\" }\n");
    assertThat(p.key()).isEqualTo("containerd.files.\"config.toml\".file");
    assertThat(p.message()).contains("cannot read").contains("none.toml");
  }

  @Test
  void tomlSyntaxErrorsCarryTheirLine() {
    Problem p = only("name = \"x\"\nname = \"y\"\n" + PULL);
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.message()).startsWith("TOML syntax:");
  }

  @Test
  void ctrFlagsOnACriPullAreRejected() {
    Problem p =
        only("name = \"x\"\n[[pull]]\nimage = \"a.test/b:1\"\nctr = { plain_http = true }\n");
    assertThat(p.key()).isEqualTo("pull[0].ctr");
    assertThat(p.message()).contains("only to via = \"ctr\"");
  }

  @Test
  void aGrantForAnUnknownUserIsRejected() {
    Problem p =
        only(
            "name = \"x\"\n[registries.r]\nauth = { type = \"basic\", users = { a = \"p\" },"
                + " grants = [{ user = \"b\", repository = \"*\" }] }\n"
                + PULL);
    assertThat(p.key()).isEqualTo("registries.r.auth");
    assertThat(p.message()).contains("grant names user 'b'");
  }

  @Test
  void aCountedRequestOnAnUndefinedRegistryIsNamedAtItsKey() {
    Problem p =
        only(
            "name = \"x\"\n"
                + PULL
                + "[[expect.count]]\nrequest = \"hub GET /token\"\nexactly = 1\n");
    assertThat(p.key()).isEqualTo("expect.count[0].request");
    assertThat(p.line()).isEqualTo(5);
    assertThat(p.message()).contains("names undefined registry 'hub'; defined: []");
  }

  @Test
  void countsNeedExactlyOrBounds() {
    Problem p = only("name = \"x\"\n" + PULL + "[[expect.count]]\nrequest = \"* GET /v2/\"\n");
    assertThat(p.key()).isEqualTo("expect.count[0].exactly");
    assertThat(p.message()).contains("needs exactly, min or max");
  }
}
