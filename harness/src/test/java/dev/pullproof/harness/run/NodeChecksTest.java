package dev.pullproof.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Observation and node-program expectations, checked against hand-built (synthetic) outcomes. */
class NodeChecksTest {
  @TempDir Path dir;

  private static final String PLUGINS =
      "TYPE                       ID        PLATFORMS      STATUS    \n"
          + "io.containerd.cri.v1       runtime   linux/amd64    ok        \n"
          + "io.containerd.cri.v1       images    -              error     \n";

  private Verdict verdict(String toml, Outcome outcome) {
    Scenario s = Outcomes.scenario(dir, toml);
    return new VerdictChecker().check(s, ContainerdVersion.V2, outcome);
  }

  @Test
  void aPluginsStatusIsReadPerPluginAndAbsentOnesAreNamedAbsent() {
    String toml =
        "name = \"p\"\n[[observe]]\nctr = [\"plugins\", \"ls\"]\n"
            + "expect = { outcome = \"success\", plugins = { \"io.containerd.cri.v1.runtime\" ="
            + " \"ok\", \"2\" = { \"io.containerd.cri.v1.images\" = \"error\","
            + " \"io.containerd.grpc.v1.cri\" = \"absent\" } } }\n";
    Verdict v = verdict(toml, new Outcomes().observed(0, "ctr plugins ls", true, PLUGINS).build());
    assertThat(v.status()).isEqualTo(Verdict.Status.PASS);

    String wrong = toml.replace("\"error\"", "\"ok\"");
    Verdict failed =
        verdict(wrong, new Outcomes().observed(0, "ctr plugins ls", true, PLUGINS).build());
    assertThat(failed.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).contains("plugins io.containerd.cri.v1.images");
              assertThat(f.actual()).isEqualTo("error");
            });
  }

  @Test
  void outputTextsAndTheOutcomeOfAStepAreChecked() {
    String toml =
        "name = \"d\"\n[[observe]]\nctr = [\"deprecations\", \"list\"]\n"
            + "expect = { outcome = \"failure\", output_contains = [\"No help topic\"],"
            + " output_absent = \"panic\" }\n";
    assertThat(
            verdict(
                    toml,
                    new Outcomes()
                        .observed(0, "ctr deprecations list", false, "No help topic for 'x'")
                        .build())
                .status())
        .isEqualTo(Verdict.Status.PASS);
    assertThat(
            verdict(toml, new Outcomes().observed(0, "ctr deprecations list", true, "").build())
                .failures())
        .extracting(Failure::check)
        .containsExactly(
            "observe[0] ctr deprecations list outcome",
            "observe[0] ctr deprecations list output_contains");
  }

  @Test
  void programCallsAreCountedAndTheirArgumentsChecked() {
    String toml =
        "name = \"n\"\n[node.executables.\"docker-credential-corp\"]\n"
            + "[node.executables.\"containerd-shim-runc-v2\"]\nexit_code = 1\n"
            + "[[observe]]\nrun_pod_sandbox = true\n"
            + "[expect]\nnode_invocations = [{ program = \"docker-credential-corp\", exactly = 0 },"
            + " { program = \"containerd-shim-runc-v2\", min = 1, args_contain = [\"start\"] }]\n";
    Outcome ran =
        new Outcomes()
            .observed(0, "RunPodSandbox", false, "synthetic")
            .ran("containerd-shim-runc-v2", "-id", "x", "start")
            .build();
    assertThat(verdict(toml, ran).status()).isEqualTo(Verdict.Status.PASS);

    Outcome helperRan =
        new Outcomes()
            .observed(0, "RunPodSandbox", false, "synthetic")
            .ran("docker-credential-corp", "get")
            .ran("containerd-shim-runc-v2", "-info")
            .build();
    assertThat(verdict(toml, helperRan).failures())
        .extracting(Failure::check)
        .containsExactly(
            "node_invocations docker-credential-corp", "node_invocations containerd-shim-runc-v2");
  }
}
