package dev.pullproof.harness.report;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as CI systems read it (the Ant/Surefire schema): one {@code testsuite} per scenario,
 * one {@code testcase} per version, {@code failure} for expectations that did not hold, {@code
 * error} for runs that did not complete, {@code skipped} for observation-only runs; the pulls'
 * errors and the containerd log excerpt go to {@code system-out}.
 */
public final class JUnitXmlReport {
  /** How many of containerd's last log lines go into system-out. */
  static final int LOG_LINES = 40;

  private final Redactor redactor;

  public JUnitXmlReport(Redactor redactor) {
    this.redactor = redactor;
  }

  public void write(List<RunResult> results, Path file) {
    try {
      Files.writeString(file, render(results));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JUnit XML to " + file, e);
    }
  }

  public String render(List<RunResult> results) {
    return JUnitXml.document("pullproof", xml -> suites(xml, results));
  }

  private void suites(XMLStreamWriter xml, List<RunResult> results) throws XMLStreamException {
    for (Matrix.Row row : new Matrix(results).rows()) {
      List<RunResult> cases = List.copyOf(row.cells().values());
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", row.scenario().id());
      xml.writeAttribute("tests", Integer.toString(cases.size()));
      xml.writeAttribute("failures", count(cases, Verdict.Status.FAIL));
      xml.writeAttribute("errors", count(cases, Verdict.Status.ERROR));
      xml.writeAttribute("skipped", count(cases, Verdict.Status.OBSERVED));
      xml.writeAttribute(
          "time",
          seconds(
              cases.stream()
                  .map(r -> r.outcome().wallTime())
                  .reduce(Duration.ZERO, Duration::plus)));
      for (RunResult r : cases) {
        testcase(xml, r);
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
    }
  }

  private void testcase(XMLStreamWriter xml, RunResult r) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", clean(r.scenario().id()));
    xml.writeAttribute("name", clean("containerd " + r.family().withReported(Cells.version(r))));
    xml.writeAttribute("time", seconds(r.outcome().wallTime()));
    switch (r.verdict().status()) {
      case FAIL -> {
        xml.writeStartElement("failure");
        xml.writeAttribute(
            "message",
            clean(
                r.verdict().failures().get(0).check()
                    + ": expected "
                    + r.verdict().failures().get(0).expected()));
        xml.writeAttribute("type", "expectation");
        xml.writeCharacters(clean(String.join("\n\n", Cells.failureMessages(r))));
        xml.writeEndElement();
      }
      case ERROR -> {
        xml.writeStartElement("error");
        xml.writeAttribute("message", clean(r.verdict().error().orElse("")));
        xml.writeAttribute("type", "harness");
        xml.writeEndElement();
      }
      case OBSERVED -> {
        xml.writeStartElement("skipped");
        xml.writeAttribute("message", "no expectations: observed only");
        xml.writeEndElement();
      }
      default -> {}
    }
    xml.writeStartElement("system-out");
    xml.writeCData(cdataSafe(clean(systemOut(r))));
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private String systemOut(RunResult r) {
    StringBuilder out = new StringBuilder();
    out.append("what happened:\n").append(Cells.happened(r)).append('\n');
    String times = Cells.pullTimes(r.outcome().pulls());
    if (!times.isEmpty()) {
      out.append(times).append('\n');
    }
    r.outcome()
        .journals()
        .forEach(
            (host, entries) -> {
              out.append("\nrequests to ")
                  .append(host)
                  .append(" (")
                  .append(entries.size())
                  .append("):\n");
              entries.stream().limit(LOG_LINES).forEach(e -> out.append(e.summary()).append('\n'));
            });
    List<String> log = r.outcome().containerdLog().lines().toList();
    if (!log.isEmpty()) {
      out.append("\ncontainerd log (last ")
          .append(Math.min(LOG_LINES, log.size()))
          .append(" lines):\n");
      log.subList(Math.max(0, log.size() - LOG_LINES), log.size())
          .forEach(l -> out.append(l).append('\n'));
    }
    return out.toString();
  }

  /** Redacted, with characters XML 1.0 cannot hold replaced. */
  private String clean(String text) {
    return JUnitXml.xmlChars(redactor.redact(text));
  }

  private static String cdataSafe(String text) {
    return text.replace("]]>", "]]]]><![CDATA[>");
  }

  private static String count(List<RunResult> cases, Verdict.Status status) {
    return Long.toString(cases.stream().filter(r -> r.verdict().status() == status).count());
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
  }
}
