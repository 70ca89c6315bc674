package dev.pullproof.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.run.Outcome;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.version.ContainerdVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportFormatsTest {
  @TempDir Path dir;

  static final String ERROR_17 =
      "synthetic: failed to resolve | \"r.test/app:1\": <401> ]]> \u0001";
  private final Redactor redactor = Redactor.of(Set.of());
  private List<RunResult> results;

  @BeforeEach
  void results() {
    Scenario a =
        Results.scenario(
            dir,
            "a-token",
            """
            name = "a"
            summary = "token registry"
            versions = ["1.6", "1.7", "2"]
            [registries.hub]
            [[pull]]
            image = "r.test/app:1"
            [expect]
            outcome = "failure"
            [expect.version."1.6"]
            outcome = "success"
            """);
    Scenario b =
        Results.scenario(
            dir,
            "b-observe",
            "name = \"b\"\nversions = [\"2\"]\n[[pull]]\nimage = \"r.test/app:1\"\n");
    var journal =
        Results.journal(
            Results.entry("hub", 1, 0, "GET", "/v2/", "", 401),
            Results.entry("hub", 2, 40, "GET", "/token", "", 200),
            Results.entry("hub", 3, 80, "GET", "/v2/app/manifests/1", "", 503));
    results = new ArrayList<>();
    results.add(
        Results.judged(
            a,
            ContainerdVersion.V1_6,
            Results.outcome(
                List.of(Results.attempt(1, false, "synthetic: denied", 0, 90)),
                journal,
                "l1\nl2\n",
                List.of())));
    results.add(
        Results.judged(
            a,
            ContainerdVersion.V1_7,
            Results.outcome(
                List.of(Results.attempt(1, false, ERROR_17, 0, 90)), journal, "", List.of())));
    results.add(
        Results.judged(
            a,
            ContainerdVersion.V2,
            Outcome.failedToRun(
                "node did not start: synthetic", Results.T0, Duration.ofSeconds(3))));
    results.add(
        Results.judged(
            b,
            ContainerdVersion.V2,
            Results.outcome(
                List.of(
                    Results.attempt(1, true, "", 0, 100),
                    Results.attempt(2, true, "", 200, 300),
                    Results.attempt(3, false, "synthetic: 503", 600, 200)),
                Map.of(),
                "",
                List.of())));
  }

  @Test
  void junitXmlHasASuitePerScenarioAndACasePerVersionWithFailuresErrorsAndSkips() throws Exception {
    String xml = new JUnitXmlReport(redactor).render(results);
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(2);
    Element a = (Element) suites.item(0);
    assertThat(a.getAttribute("name")).isEqualTo("a-token");
    assertThat(a.getAttribute("tests")).isEqualTo("3");
    assertThat(a.getAttribute("failures")).isEqualTo("1");
    assertThat(a.getAttribute("errors")).isEqualTo("1");
    Element first = (Element) a.getElementsByTagName("testcase").item(0);
    assertThat(first.getAttribute("name")).isEqualTo("containerd 1.6 (1.7.0-synthetic)");
    assertThat(first.getAttribute("classname")).isEqualTo("a-token");
    Element failure = (Element) first.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message"))
        .isEqualTo("outcome: expected success of pull 1 (cri r.test/app:1)");
    assertThat(failure.getTextContent()).contains("the pull failed: synthetic: denied");
    Element second = (Element) a.getElementsByTagName("testcase").item(1);
    assertThat(second.getElementsByTagName("failure").getLength()).isZero();
    // The error text survives verbatim except the control character XML cannot carry.
    assertThat(second.getElementsByTagName("system-out").item(0).getTextContent())
        .contains("synthetic: failed to resolve | \"r.test/app:1\": <401> ]]> ?");
    Element error = (Element) a.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message")).isEqualTo("node did not start: synthetic");
    Element b = (Element) suites.item(1);
    assertThat(b.getAttribute("skipped")).isEqualTo("1");
    assertThat(b.getElementsByTagName("system-out").item(0).getTextContent())
        .contains("3 pulls: min 100 ms, median 200 ms, p90 300 ms, max 300 ms");
    assertThat(((Element) a.getElementsByTagName("system-out").item(0)).getTextContent())
        .contains("requests to hub (3):\n#1 GET /v2/ -> 401\n#2 GET /token -> 200\n");
  }

  @Test
  void markdownCellsSayVerdictAndWhatTheNodeDidWithTheFullMessageOneNoteAway() {
    String md =
        new MarkdownReport(redactor).render(results, Map.of(results.get(0), "timelines/a.svg"));
    assertThat(md)
        .contains("| scenario | containerd 1.6 | containerd 1.7 | containerd 2 |")
        .contains(
            "| [a-token](#a-token) | **FAIL** ✘ other error [[1]](#note-1) | **PASS** ✘ other error [[2]](#note-2) | **ERROR** ∅ did not run [[3]](#note-3) |")
        .contains(
            "| [b-observe](#b-observe) | - | - | **OBSERVED** ◐ pulled 2/3; other error [[4]](#note-4) |")
        .contains("<a id=\"note-4\"></a>4.\n\n```\npulled 2 of 3\n1 of 3: synthetic: 503\n```")
        .contains("4 run(s): 1 passed, 1 failed, 1 did not complete, 1 observed only")
        .contains("![requests over time](timelines/a.svg)")
        .contains(
            "```\n#1 GET /v2/ -> 401\n#2 GET /token -> 200\n#3 GET /v2/app/manifests/1 -> 503\n```");
  }

  @Test
  void htmlIsSelfContainedAndEscapesContainerdText() {
    HtmlReport report = new HtmlReport(redactor);
    String html = report.render(results);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .doesNotContain("src=")
        .doesNotContain("<link")
        .contains(
            "<td class=\"FAILED\" title=\"1.7.0-synthetic\nsynthetic: failed to resolve | &quot;r.test/app:1&quot;: &lt;401&gt; ]]&gt; ?\"><a href=\"runs/a-token.html#1.7\"><span class=\"v PASS\">PASS</span> ✘ other error</a></td>")
        .doesNotContain("<svg");
    String page = report.scenarioPage(new Matrix(results).rows().get(0));
    assertThat(page)
        .contains("<h3 id=\"1.7\" class=\"PASS\">")
        .contains("<a href=\"../report.html\">");
    assertThat(page.split("<svg ", -1)).hasSize(3); // one timeline per run with a journal
  }

  @Test
  void theTimelineIsWellFormedSvgWithAMarkPerRequest() throws Exception {
    String svg = new HtmlReport(redactor).timeline(results.get(0));
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    NodeList titles = doc.getElementsByTagName("title");
    List<String> tips = new ArrayList<>();
    for (int i = 0; i < titles.getLength(); i++) {
      tips.add(titles.item(i).getTextContent());
    }
    assertThat(tips)
        .contains(
            "pull 1 #1 cri r.test/app:1: synthetic: denied (90 ms)",
            "hub #1 GET /v2/ -> 401 [manifest, 3 ms] at +0 ms",
            "hub #2 GET /token -> 200 [token, 3 ms] at +40 ms",
            "hub #3 GET /v2/app/manifests/1 -> 503 [manifest, 3 ms] at +80 ms");
    assertThat(svg)
        .contains("fill=\"#ef6c00\"")
        .contains("fill=\"#2e7d32\"")
        .contains("fill=\"#c62828\"");
  }

  @Test
  void reportWriterWritesEveryFileAndConsoleProgressOneLinePerRun() throws Exception {
    Path html = new ReportWriter(redactor).write(results, dir.resolve("r"));
    assertThat(html).exists();
    assertThat(dir.resolve("r/junit.xml")).exists();
    assertThat(dir.resolve("r/report.md")).exists();
    try (var svgs = Files.list(dir.resolve("r/timelines"))) {
      assertThat(svgs.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("a-token-1.6.svg", "a-token-1.7.svg");
    }
    assertThat(dir.resolve("r/runs/a-token.html")).exists();
    assertThat(dir.resolve("r/runs/b-observe.html")).exists();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConsoleProgress progress =
        new ConsoleProgress(new PrintStream(out, true, StandardCharsets.UTF_8), redactor);
    for (int i = 0; i < results.size(); i++) {
      progress.finished(results.get(i), i + 1, results.size());
    }
    assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly(
            "[1/4] FAIL     a-token on 1.6, 1.2 s: outcome: expected success of pull 1 (cri"
                + " r.test/app:1); the pull failed: synthe...",
            "[2/4] PASS     a-token on 1.7, 1.2 s: other error",
            "[3/4] ERROR    a-token on 2, 3.0 s: node did not start: synthetic",
            "[4/4] OBSERVED b-observe on 2, 1.2 s: pulled 2/3; other error");
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).allMatch(l -> l.length() <= 120);
  }
}
