package dev.pullproof.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalChecksTest {
  @TempDir Path dir;

  private static final String HEAD =
      "name = \"j\"\n[registries.mirror]\n[registries.hub]\n[[pull]]\nimage = \"r.test/app:1\"\n";

  /** The mirror answers 503, then the hub challenges and serves: a fallback. */
  private static Outcomes fallback() {
    return new Outcomes()
        .succeeded()
        .request("mirror", "GET", "/v2/", 503, 0)
        .request("hub", "GET", "/v2/", 401, 10)
        .request("hub", "GET", "/token", 200, 20)
        .request("hub", "GET", "/v2/library/app/manifests/1.0", 200, 30);
  }

  private Verdict check(String expect, Outcomes o) {
    Scenario s = Outcomes.scenario(dir, HEAD + "[expect]\n" + expect);
    return new VerdictChecker().check(s, ContainerdVersion.V2, o.build());
  }

  @Test
  void presentAbsentAndCountedRequestsHold() {
    Verdict v =
        check(
            """
            requests = ["hub GET /v2/ -> 401", "mirror GET /v2/"]
            absent = ["mirror GET /v2/library/*"]
            count = [{ request = "hub GET /token -> 200", exactly = 1 }, { request = "* GET /v2/", min = 2, max = 2 }]
            ordered = ["mirror GET /v2/", "hub GET /v2/ -> 401", "hub GET /token"]
            """,
            fallback());
    assertThat(v.status()).isEqualTo(Verdict.Status.PASS);
  }

  @Test
  void queryGlobsTellMirrorRequestsCarryingNsFromUpstreamRequestsWithout() {
    Outcomes o =
        new Outcomes()
            .succeeded()
            .request("mirror", "HEAD", "/v2/library/app/manifests/1.0?ns=docker.io", 404, 0)
            .request("hub", "HEAD", "/v2/library/app/manifests/1.0", 200, 10);
    Verdict pass =
        check(
            """
            requests = ["mirror HEAD /v2/library/app/manifests/1.0?ns=docker.io -> 404", "hub HEAD *? -> 200"]
            absent = ["hub * *?ns=*", "mirror * *?"]
            """,
            o);
    assertThat(pass.status()).isEqualTo(Verdict.Status.PASS);
    Verdict fail = check("absent = [\"mirror * *?ns=*\"]\n", o);
    assertThat(fail.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.expected()).contains("'mirror * *?ns=*'"));
  }

  @Test
  void aMissingRequestListsTheNearestOnesThatHappened() {
    Verdict v = check("requests = [\"hub GET /v2/library/app/blobs/* -> 200\"]\n", fallback());
    assertThat(v.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.expected())
                  .isEqualTo("'hub GET /v2/library/app/blobs/* -> 200' at least 1");
              assertThat(f.actual()).isEqualTo("saw 0");
              assertThat(f.detail())
                  .startsWith(
                      "nearest of 4 requests:\nhub #4 GET /v2/library/app/manifests/1.0 -> 200");
            });
  }

  @Test
  void aNeverContactedHostThatWasContactedShowsTheRequests() {
    Verdict v = check("absent = [\"hub * *\"]\n", fallback());
    assertThat(v.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.expected()).isEqualTo("'hub * *' exactly 0");
              assertThat(f.actual()).isEqualTo("saw 3");
              assertThat(f.detail()).contains("matching:\nhub #2 GET /v2/ -> 401");
            });
  }

  @Test
  void anOrderThatDidNotHappenNamesTheStepAndWhatCameAfter() {
    Verdict v = check("ordered = [\"hub GET /v2/\", \"mirror GET /v2/\"]\n", fallback());
    assertThat(v.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.actual())
                  .isEqualTo(
                      "no request matches 'mirror GET /v2/' after 'hub GET /v2/' (matched by #2 on hub)");
              assertThat(f.detail()).startsWith("requests after it:\nhub #3 GET /token -> 200");
            });
  }

  @Test
  void withNoRequestsAtAllTheFailureSaysSo() {
    Verdict v =
        check("requests = [\"hub GET /v2/\"]\n", new Outcomes().succeeded().registry("hub"));
    assertThat(v.failures().get(0).detail()).isEqualTo("no registry received any request");
  }
}
