package dev.pullproof.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictCheckerTest {
  @TempDir Path dir;

  private static final String HEAD =
      "name = \"v\"\n[registries.hub]\n[registries.up]\n[[pull]]\nimage = \"r.test/app:1\"\n";

  private Verdict check(String expect, Outcomes outcome, ContainerdVersion family) {
    Scenario s = Outcomes.scenario(dir, HEAD + expect);
    return new VerdictChecker().check(s, family, outcome.build());
  }

  private Verdict check(String expect, Outcomes outcome) {
    return check(expect, outcome, ContainerdVersion.V1_7);
  }

  @Test
  void aScenarioWithoutExpectationsOnlyObserves() {
    Verdict v = check("", new Outcomes().failed("synthetic: boom"));
    assertThat(v.status()).isEqualTo(Verdict.Status.OBSERVED);
    assertThat(v.ok()).isTrue();
  }

  @Test
  void aHarnessErrorIsAnErrorNotAFailure() {
    Verdict v =
        check(
            "[expect]\noutcome = \"success\"\n", new Outcomes().harnessError("node did not start"));
    assertThat(v.status()).isEqualTo(Verdict.Status.ERROR);
    assertThat(v.error()).contains("node did not start");
  }

  @Test
  void anExpectedFailureThatSucceededSaysSo() {
    Verdict v = check("[expect]\noutcome = \"failure\"\n", new Outcomes().succeeded());
    assertThat(v.status()).isEqualTo(Verdict.Status.FAIL);
    assertThat(v.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("outcome");
              assertThat(f.expected()).isEqualTo("failure of pull 1 (cri r.test/app:1)");
              assertThat(f.actual()).isEqualTo("the pull succeeded");
            });
  }

  @Test
  void errorTextIsCheckedPerVersion() {
    String expect =
        "[expect]\noutcome = \"failure\"\n"
            + "error_contains = { \"1.7\" = \"401 Unauthorized\", \"2\" = \"unauthorized:\" }\n";
    Outcomes failed = new Outcomes().failed("synthetic: 401 Unauthorized");

    assertThat(check(expect, failed, ContainerdVersion.V1_7).status())
        .isEqualTo(Verdict.Status.PASS);
    Verdict on2 = check(expect, failed, ContainerdVersion.V2);
    assertThat(on2.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("error_contains");
              assertThat(f.expected()).contains("'unauthorized:'");
              assertThat(f.actual()).isEqualTo("'synthetic: 401 Unauthorized'");
            });
    assertThat(check(expect, failed, ContainerdVersion.V1_6).status())
        .isEqualTo(Verdict.Status.PASS);
  }

  @Test
  void aRegexErrorExpectationFindsAMatchAnywhereInTheError() {
    String expect = "[expect]\nerror_matches = \"status: 40[13]\"\n";
    assertThat(check(expect, new Outcomes().failed("synthetic: status: 403 x")).ok()).isTrue();
    assertThat(check(expect, new Outcomes().failed("synthetic: status: 404 x")).failures())
        .extracting(Failure::check)
        .containsExactly("error_matches");
  }

  @Test
  void aPullsOwnExpectationOverridesTheScenarios() {
    Scenario s =
        Outcomes.scenario(
            dir,
            HEAD
                + "[[pull]]\nimage = \"r.test/app:1\"\nvia = \"ctr\"\nexpect = { outcome = \"success\" }\n"
                + "[expect]\noutcome = \"failure\"\n");
    Outcome o = new Outcomes().failed("synthetic: no").pull(1, 1, true, "", 50).build();
    assertThat(new VerdictChecker().check(s, ContainerdVersion.V2, o).status())
        .isEqualTo(Verdict.Status.PASS);
  }

  @Test
  void durationBoundsNameTheTimeTaken() {
    Verdict v =
        check("[expect]\nduration = { max = \"1s\" }\n", new Outcomes().pull(0, 1, true, "", 1500));
    assertThat(v.failures())
        .singleElement()
        .satisfies(
            f -> assertThat(f.message()).contains("within 1000 ms").contains("it took 1500 ms"));
  }

  @Test
  void aRepeatedFailureIsReportedOnceWithItsCount() {
    Outcomes o = new Outcomes();
    for (int rep = 1; rep <= 4; rep++) {
      o.pull(0, rep, rep == 4, rep == 4 ? "" : "synthetic: 503", 10);
    }
    Verdict v = check("[expect]\noutcome = \"success\"\n", o);
    assertThat(v.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.actual()).endsWith("(in 3 of 4 repetitions)"));
  }

  @Test
  void aSuccessRateRangeIsCheckedOverAllRepetitions() {
    Outcomes o = new Outcomes();
    for (int rep = 1; rep <= 10; rep++) {
      o.pull(0, rep, rep <= 4, rep <= 4 ? "" : "synthetic: 503 Service Unavailable", 10);
    }
    String expect = "[expect]\nsuccess_rate = { min = 0.3, max = 0.5 }\nerror_contains = \"503\"\n";
    assertThat(check(expect, o).status()).isEqualTo(Verdict.Status.PASS);

    Verdict tooHigh = check("[expect]\nsuccess_rate = { min = 0.6 }\n", o);
    assertThat(tooHigh.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.actual()).isEqualTo("0.40 (4 of 10 pulls succeeded)"));
  }

  @Test
  void criPluginAndLogExpectationsQuoteTheLog() {
    Outcomes o =
        new Outcomes()
            .succeeded()
            .cri(false)
            .log("line one\nsynthetic: failed to load plugin io.containerd.grpc.v1.cri\nlast\n");
    Verdict v =
        check(
            "[expect]\ncri_plugin_loaded = true\nlog_contains = [\"booted\"]\nlog_absent = [\"failed to load\"]\n",
            o);
    assertThat(v.failures())
        .extracting(Failure::check)
        .containsExactly("cri_plugin_loaded", "log_contains", "log_absent");
    assertThat(v.failures().get(0).detail())
        .contains("failed to load plugin io.containerd.grpc.v1.cri");
    assertThat(v.failures().get(1).detail()).contains("last lines:").contains("last");
  }

  @Test
  void helperInvocationsAreCounted() {
    Outcomes o = new Outcomes().succeeded().helper("{\"call\":1}").helper("{\"call\":2}");
    assertThat(check("[expect]\nhelper_invocations = 2\n", o).ok()).isTrue();
    Verdict v = check("[expect]\nhelper_invocations = { max = 1 }\n", o);
    assertThat(v.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.expected()).isEqualTo("0 to 1");
              assertThat(f.actual()).isEqualTo("2 invocation(s)");
              assertThat(f.detail()).contains("{\"call\":2}");
            });
  }
}
