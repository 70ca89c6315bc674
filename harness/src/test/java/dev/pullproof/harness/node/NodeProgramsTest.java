package dev.pullproof.harness.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.harness.run.NodeInvocation;
import dev.pullproof.harness.scenario.NodeExecutable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recorder script's log lines as the harness reads them back. */
class NodeProgramsTest {
  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void eachLineIsOneCallWithItsArgumentsStdinAndTimeInTimeOrder() {
    String log =
        "2026-12-04 04:23:52.582622764 +0000\tcontainerd-shim-runc-v2\t"
            + b64("-id\0abc\0start\0")
            + "\t"
            + b64("opts")
            + "\n"
            + "2026-12-04 04:23:52.414622770 +0000\tdocker-credential-corp\t"
            + b64("get\0")
            + "\t"
            + b64("https://r.test\n")
            + "\n"
            + "2026-12-04 04:23:53.000000000 +0000\tdocker-credential-corp\t\t\n";
    List<NodeInvocation> calls = NodePrograms.parse(log);
    assertThat(calls)
        .extracting(NodeInvocation::commandLine)
        .containsExactly(
            "docker-credential-corp get",
            "containerd-shim-runc-v2 -id abc start",
            "docker-credential-corp");
    assertThat(calls.get(0).stdin()).isEqualTo("https://r.test\n");
    assertThat(calls.get(0).time()).isEqualTo(Instant.parse("2026-12-04T04:23:52.414622770Z"));
    assertThat(calls.get(2).args()).isEmpty();
  }

  @Test
  void aLineTheScriptCannotHaveWrittenIsAnErrorNamingIt() {
    assertThatThrownBy(() -> NodePrograms.parse("garbage\n"))
        .hasMessageContaining("unreadable line in the node's /opt/pullproof/calls.log: garbage");
  }

  @Test
  void theScriptRunsOnTheNodesBusyboxAndEndsWithTheScriptedExit() {
    String script = NodePrograms.script(new NodeExecutable("docker-credential-corp", "{}", 3));
    assertThat(script)
        .startsWith("#!/opt/pullproof/busybox sh\n")
        .contains(">>/opt/pullproof/calls.log")
        .contains("$b cat /opt/pullproof/out/docker-credential-corp")
        .endsWith("exit 3\n");
  }
}
