package dev.pullproof.harness.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.explain.InputLine.LogEntry;
import dev.pullproof.harness.explain.InputLine.PodEvent;
import dev.pullproof.harness.explain.InputLine.PullError;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  private static final String TRYING =
      "level=info msg=\"trying next host\" error=\"failed to do request: Head \\\"https://mirror.corp.example/v2/library/app/manifests/1.0\\\": dial tcp 10.0.0.9:443: connect: connection refused\" host=mirror.corp.example";

  @Test
  void readsLogfmtBehindAJournalctlPrefix() {
    InputLine line =
        LineReader.read(
                "Dec 04 01:02:03 node-1 containerd[123]: time=\"2024-12-04T01:02:03.123456789Z\" "
                    + TRYING,
                7)
            .orElseThrow();
    LogEntry e = (LogEntry) line;
    assertThat(e.number()).isEqualTo(7);
    assertThat(e.level()).isEqualTo("info");
    assertThat(e.msg()).isEqualTo("trying next host");
    assertThat(e.field("host")).isEqualTo("mirror.corp.example");
    assertThat(e.field("error"))
        .contains("Head \"https://mirror.corp.example/v2/library/app/manifests/1.0\"");
    assertThat(e.time()).isEqualTo("2024-12-04T01:02:03.123456789Z");
  }

  @Test
  void readsJsonLogLinesAndLogrusTerminalLines() {
    LogEntry json =
        (LogEntry)
            LineReader.read(
                    "{\"host\":\"registry-1.docker.io\",\"level\":\"debug\",\"msg\":\"do request\",\"request.method\":\"HEAD\",\"time\":\"2023-06-28T07:03:12Z\",\"url\":\"https://registry-1.docker.io/v2/library/app/manifests/1.0\"}",
                    1)
                .orElseThrow();
    assertThat(json.level()).isEqualTo("debug");
    assertThat(json.field("request.method")).isEqualTo("HEAD");
    LogEntry terminal =
        (LogEntry)
            LineReader.read(
                    "INFO[0000] trying next host                             error=\"pull access denied\" host=docker.io",
                    2)
                .orElseThrow();
    assertThat(terminal.msg()).isEqualTo("trying next host");
    assertThat(terminal.field("error")).isEqualTo("pull access denied");
  }

  @Test
  void readsKubectlDescribeEventsAsPullErrorsAndPodEvents() {
    PullError failed =
        (PullError)
            LineReader.read(
                    "  Warning  Failed     50s (x4 over 2m)   kubelet  Failed to pull image \"docker.io/team/app:1.0\": rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/team/app:1.0\": failed to resolve reference \"docker.io/team/app:1.0\": pull access denied",
                    3)
                .orElseThrow();
    assertThat(failed.client()).isEqualTo("kubelet");
    assertThat(failed.image()).contains("docker.io/team/app:1.0");
    assertThat(failed.text()).startsWith("rpc error: code = Unknown desc = failed to pull");
    assertThat(
            ((PodEvent)
                    LineReader.read("  Warning  Failed  10s  kubelet  Error: ImagePullBackOff", 4)
                        .orElseThrow())
                .reason())
        .isEqualTo("ImagePullBackOff");
    assertThat(
            ((PodEvent)
                    LineReader.read(
                            "  Normal BackOff 10s kubelet Back-off pulling image \"x/y:1\"", 5)
                        .orElseThrow())
                .image())
        .contains("x/y:1");
  }

  @Test
  void readsTheKubeletsKlogLineWithItsQuotedError() {
    PullError e =
        (PullError)
            LineReader.read(
                    "Dec 04 01:02:03 node-1 kubelet[99]: E1204 01:02:03.123456   99 remote_image.go:180] \"PullImage from image service failed\" err=\"rpc error: code = Unknown desc = failed to pull and unpack image \\\"docker.io/library/app:1.0\\\": failed to resolve reference\" image=\"docker.io/library/app:1.0\"",
                    1)
                .orElseThrow();
    assertThat(e.text())
        .isEqualTo(
            "rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/library/app:1.0\": failed to resolve reference");
    assertThat(e.image()).contains("docker.io/library/app:1.0");
  }

  @Test
  void readsCrictlAndCtrErrors() {
    PullError crictl =
        (PullError)
            LineReader.read(
                    "time=\"2024-12-04T01:02:03Z\" level=fatal msg=\"pulling image: rpc error: code = NotFound desc = failed to pull and unpack image\"",
                    1)
                .orElseThrow();
    assertThat(crictl.client()).isEqualTo("crictl");
    assertThat(crictl.text()).startsWith("rpc error: code = NotFound");
    PullError old =
        (PullError)
            LineReader.read("FATA[0002] pulling image: rpc error: code = Unknown desc = boom", 2)
                .orElseThrow();
    assertThat(old.client()).isEqualTo("crictl");
    PullError ctr =
        (PullError)
            LineReader.read("ctr: failed to resolve reference \"x/y:1\": not found", 3)
                .orElseThrow();
    assertThat(ctr.client()).isEqualTo("ctr");
  }

  @Test
  void skipsLinesOfNoKnownForm() {
    assertThat(
            LineReader.read(
                "Dec 04 01:02:03 node-1 systemd[1]: Started Session 3 of user root.", 1))
        .isEmpty();
    assertThat(LineReader.read("", 2)).isEmpty();
    assertThat(LineReader.read("{\"level\":\"info\",\"msg\":\"cut sho", 3)).isEmpty();
  }

  @Test
  void theSameFailureWordedOnTwoNodesHasOneStatementKey() {
    String a =
        "rpc error: code = Unknown desc = failed to pull and unpack image \"192.0.2.5:5000/team/app:1.0\": failed to resolve reference \"192.0.2.5:5000/team/app:1.0\": failed to do request: Head \"https://192.0.2.5:5000/v2/team/app/manifests/1.0\": dial tcp 192.0.2.5:5000: connect: connection refused";
    String b =
        "rpc error: code = Unknown desc = failed to pull and unpack image \"127.0.0.7:41234/x/y:2\": failed to resolve reference \"127.0.0.7:41234/x/y:2\": failed to do request: Head \"https://127.0.0.7:41234/v2/x/y/manifests/2\": dial tcp 127.0.0.7:41234: connect: connection refused";
    assertThat(Normal.of(a)).isEqualTo(Normal.of(b));
    assertThat(Normal.of("sha256:" + "a".repeat(64) + " at 2024-12-04T01:02:03Z after 1.5s"))
        .isEqualTo("sha256:<digest> at <time> after <duration>");
  }
}
