package dev.pullproof.harness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pullproof.harness.toml.Problem;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [node.executables]}, {@code [[observe]]} and ctr's {@code local} flag. */
class NodeParserTest {
  @TempDir Path dir;

  @Test
  void aScenarioMayObserveWithoutPulling() {
    Scenario s =
        ScenarioFiles.parse(
            dir,
            """
            name = "o"
            [node.executables."docker-credential-corp"]
            stdout = '{"Username":"u","Secret":"p"}'
            [[observe]]
            ctr = ["plugins", "ls"]
            [[observe]]
            run_pod_sandbox = { name = "web", uid = "web-1" }
            """);
    assertThat(s.pulls()).isEmpty();
    assertThat(s.executables())
        .containsExactly(
            new NodeExecutable(
                "docker-credential-corp", "{\"Username\":\"u\",\"Secret\":\"p\"}", 0));
    assertThat(s.observe())
        .extracting(ObserveSpec::step)
        .containsExactly(
            new NodeStep.Ctr(java.util.List.of("plugins", "ls")),
            new NodeStep.PodSandbox("web", "default", "web-1", true));
  }

  @Test
  void ctrLocalIsReadAsTheFlagOrItsNegation() {
    Scenario s =
        ScenarioFiles.parse(
            dir,
            """
            name = "l"
            [[pull]]
            image = "a.test/app:1"
            via = "ctr"
            ctr = { local = false }
            """);
    assertThat(s.pulls().get(0).ctr().local()).isEqualTo(Optional.of(false));
  }

  @Test
  void mistakesNameTheirKeyAndLine() {
    Path file =
        ScenarioFiles.write(
            dir,
            "bad.toml",
            """
            name = "b"
            [node.executables."bad name"]
            [[observe]]
            ctr = ["--address", "/x"]
            [[observe]]
            ctr = ["plugins", "ls"]
            run_pod_sandbox = true
            [[observe]]
            ctr = ["plugins", "ls"]
            expect = { plugins = { "io.containerd.cri.v1.images" = "broken" } }
            [expect]
            node_invocations = [{ program = "docker-credential-crop", exactly = 0 }]
            """);
    ScenarioException e =
        catchThrowableOfType(ScenarioException.class, () -> new ScenarioParser().parse(file));
    assertThat(e.problems())
        .extracting(Problem::toString)
        .anySatisfy(p -> assertThat(p).contains(":2:").contains("a file name such as"))
        .anySatisfy(p -> assertThat(p).contains(":4:").contains("gives --address and --namespace"))
        .anySatisfy(p -> assertThat(p).contains("an [[observe]] runs one step"))
        .anySatisfy(p -> assertThat(p).contains("state must be one of [ok, error, skip, absent]"))
        .anySatisfy(
            p -> assertThat(p).contains("'docker-credential-crop' is not placed on the node"));
  }
}
