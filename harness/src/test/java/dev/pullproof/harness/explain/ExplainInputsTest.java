package dev.pullproof.harness.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Inputs in the shapes users paste, against the catalogue's real signature file. */
class ExplainInputsTest {
  static Explain explain;

  static final String REFUSED =
      "Failed to pull image \"mirror.corp.example/library/app:1.0\": rpc error: code = Unknown desc = failed to pull and unpack image \"mirror.corp.example/library/app:1.0\": failed to resolve reference \"mirror.corp.example/library/app:1.0\": failed to do request: Head \"http://mirror.corp.example/v2/library/app/manifests/1.0\": dial tcp 10.1.2.3:80: connect: connection refused";

  @BeforeAll
  static void load() throws IOException {
    explain = Explain.load(LeaveOneOutTest.SIGNATURES);
  }

  static Explain.Result run(String text) throws IOException {
    return run(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  static Explain.Result run(InputStream in) throws IOException {
    return explain.explain(
        "input", in, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void kubeletEventsAloneRankARefusedMirrorFirstAndAskForTheContainerdLog() throws IOException {
    Explain.Result r =
        run(
            "  Warning  Failed  50s (x4 over 2m)  kubelet  "
                + REFUSED
                + "\n  Warning  Failed  10s  kubelet  Error: ImagePullBackOff\n");
    assertThat(r.diagnosis().causes()).isNotEmpty();
    assertThat(r.diagnosis().causes().get(0).family())
        .isEqualTo("dial tcp <host>: connect: connection refused");
    assertThat(r.diagnosis().versionNote()).contains("1.6 or 1.7");
    assertThat(r.diagnosis().extraPiece()).contains("containerd log");
    assertThat(r.text()).contains("Timeline").contains("Likely causes").contains("Not settled");
  }

  @Test
  void aJournalctlExcerptWithUnrelatedLinesCountsThemAndRebuildsTheTimeline() throws IOException {
    String log =
        "Dec 04 01:02:03 node-1 systemd[1]: Started containerd container runtime.\n"
            + "Dec 04 01:02:03 node-1 containerd[123]: time=\"2024-12-04T01:02:03.000Z\" level=info msg=\"PullImage \\\"docker.io/library/app:1.0\\\"\"\n"
            + "Dec 04 01:02:03 node-1 containerd[123]: time=\"2024-12-04T01:02:03.100Z\" level=info msg=\"trying next host\" error=\"failed to do request: Head \\\"https://mirror.corp.example/v2/library/app/manifests/1.0?ns=docker.io\\\": dial tcp 10.0.0.9:443: connect: connection refused\" host=mirror.corp.example\n"
            + "Dec 04 01:02:04 node-1 sshd[77]: Accepted publickey for root\n"
            + "Dec 04 01:02:04 node-1 containerd[123]: time=\"2024-12-04T01:02:04.000Z\" level=error msg=\"PullImage \\\"docker.io/library/app:1.0\\\" failed\" error=\"failed to pull and unpack image \\\"docker.io/library/app:1.0\\\": failed to resolve reference \\\"docker.io/library/app:1.0\\\": failed to do request: Head \\\"https://mirror.corp.example/v2/library/app/manifests/1.0?ns=docker.io\\\": dial tcp 10.0.0.9:443: connect: connection refused\"\n";
    Diagnosis d = run(log).diagnosis();
    assertThat(d.counts().skipped()).isEqualTo(2);
    assertThat(d.counts().log()).isEqualTo(3);
    assertThat(d.timeline())
        .extracting(Timeline.Event::what)
        .anyMatch(w -> w.startsWith("pull starts"))
        .anyMatch(w -> w.contains("trying the next host"))
        .anyMatch(w -> w.startsWith("pull fails"));
    assertThat(d.timeline().get(1).host()).isEqualTo("mirror.corp.example");
    assertThat(d.causes().get(0).family())
        .isEqualTo("dial tcp <host>: connect: connection refused");
  }

  @Test
  void aLogTruncatedMidLineIsReadUpToTheCut() throws IOException {
    String cut =
        "time=\"2024-12-04T01:02:03Z\" level=info msg=\"trying next host\" error=\"failed to do request: Head \\\"https://mirror.corp.exa";
    Diagnosis d = run(cut).diagnosis();
    assertThat(d.counts().lines()).isEqualTo(1);
    assertThat(d.counts().log()).isEqualTo(1);
  }

  @Test
  void aDebugLevelLogShowsTheChallengeInTheTimelineAndRanksTheTokenRefusalFirst()
      throws IOException {
    // containerd 1.7.24 at --log-level debug, credentials/token-wrong-password-reproduce: the pull
    // from PullImage to its failure, every request's headers in it.
    Diagnosis d;
    try (InputStream in = getClass().getResourceAsStream("/explain/token-401-debug-1.7.log")) {
      d = run(in).diagnosis();
    }
    assertThat(d.counts().debug()).isEqualTo(6);
    assertThat(d.timeline())
        .extracting(Timeline.Event::what)
        .contains(
            "challenge: Bearer realm=\"https://registry.corp.example/token\","
                + "service=\"registry.corp.example\",scope=\"repository:team/app:pull\"");
    assertThat(d.causes().get(0).family())
        .startsWith("unexpected status from <method> request to https://<host>/token?<query>")
        .endsWith("401 Unauthorized");
  }

  @Test
  void anEmptyInputExplainsNothingAndSaysWhatWouldHelp() throws IOException {
    Diagnosis d = run("").diagnosis();
    assertThat(d.counts().lines()).isZero();
    assertThat(d.causes()).isEmpty();
    assertThat(d.extraPiece()).contains("containerd log");
  }

  @Test
  void binaryInputIsCountedAndSkipped() throws IOException {
    byte[] bytes = new byte[64 * 1024];
    new Random(7).nextBytes(bytes);
    Diagnosis d = run(new ByteArrayInputStream(bytes)).diagnosis();
    assertThat(d.counts().binary()).isPositive();
    assertThat(d.causes()).isEmpty();
  }

  @Test
  void secretsInTheInputAreMaskedInEveryOutput() throws IOException {
    String log =
        "time=\"2024-12-04T01:02:03Z\" level=debug msg=\"do request\" request.header.authorization=\"Bearer abcdefghijklmnop123456\" url=\"https://ci:hunter2pass@registry.corp.example/v2/\"\n"
            + "time=\"2024-12-04T01:02:03Z\" level=info msg=\"trying next host\" error=\"failed to do request: Head \\\"https://ci:hunter2pass@registry.corp.example/v2/x/manifests/1\\\": EOF\" host=registry.corp.example\n"
            + "password = \"s3cretvalue\"\n"
            + REFUSED.replace("10.1.2.3", "s3cretvalue")
            + "\n";
    Explain.Result r =
        explain.explain(
            "input",
            new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(java.nio.file.Path.of("/tmp/x.toml")));
    for (String out : new String[] {r.text(), r.json(), r.scenario()}) {
      assertThat(out)
          .doesNotContain("hunter2pass")
          .doesNotContain("abcdefghijklmnop123456")
          .doesNotContain("s3cretvalue");
    }
  }

  @Test
  void aHundredMegabyteLogIsStreamedInBoundedMemory() throws IOException {
    byte[] line =
        ("Dec 04 01:02:03 node-1 containerd[123]: time=\"2024-12-04T01:02:03Z\" level=info msg=\"trying next host\" error=\"failed to do request: Head \\\"http://mirror.corp.example/v2/library/app/manifests/1.0\\\": dial tcp 10.1.2.3:80: connect: connection refused\" host=mirror.corp.example\n")
            .getBytes(StandardCharsets.UTF_8);
    long size = 100L * 1024 * 1024;
    InputStream generated =
        new InputStream() {
          long sent;

          @Override
          public int read() {
            return sent >= size ? -1 : line[(int) (sent++ % line.length)];
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (sent >= size) {
              return -1;
            }
            int n = (int) Math.min(len, size - sent);
            for (int i = 0; i < n; i++) {
              b[off + i] = line[(int) ((sent + i) % line.length)];
            }
            sent += n;
            return n;
          }
        };
    Diagnosis d = run(generated).diagnosis();
    assertThat(d.counts().lines()).isEqualTo(size / line.length + 1);
    assertThat(d.counts().log()).isBetween(size / line.length, size / line.length + 1);
    // Bounded: repeats fold into one statement and one timeline event with a count.
    assertThat(d.timeline()).hasSize(2);
    assertThat(d.timeline().get(0).count()).isEqualTo((int) (size / line.length));
    assertThat(d.causes().get(0).family())
        .isEqualTo("dial tcp <host>: connect: connection refused");
  }

  @Test
  void aLineLongerThanTheBoundIsCutAndFlagged() throws IOException {
    Diagnosis d =
        run("x".repeat(BoundedLines.MAX_CHARS * 3)
                + "\nctr: failed to resolve reference \"a/b:1\": not found\n")
            .diagnosis();
    assertThat(d.counts().cut()).isEqualTo(1);
    assertThat(d.counts().errors()).isEqualTo(1);
  }
}
