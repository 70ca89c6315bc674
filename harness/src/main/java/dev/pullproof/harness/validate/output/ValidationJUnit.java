package dev.pullproof.harness.validate.output;

import dev.pullproof.harness.report.JUnitXml;
import dev.pullproof.harness.report.Redactor;
import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.Validation;
import dev.pullproof.harness.validate.live.VersionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI: a suite of static findings (an ERROR fails its case) and a suite per version
 * (the CRI plugin loading, then each image's pull).
 */
public final class ValidationJUnit {
  private final Redactor redactor;

  public ValidationJUnit(Redactor redactor) {
    this.redactor = redactor;
  }

  private record Case(String name, Optional<String> failure, String detail) {}

  public String render(Validation v) {
    return JUnitXml.document("pullproof validate", xml -> suites(xml, v));
  }

  private void suites(XMLStreamWriter xml, Validation v) throws XMLStreamException {
    List<Case> statics = new ArrayList<>();
    for (Finding f : v.findings()) {
      String what = f.severity() + " " + Validation.location(f) + f.message();
      statics.add(
          new Case(
              f.rule() + " " + Validation.location(f).replaceAll(": $", ""),
              f.severity() == Severity.ERROR && !f.standing().isEmpty()
                  ? Optional.of(what)
                  : Optional.empty(),
              what + (f.fix().isEmpty() ? "" : "\nfix: " + f.fix())));
    }
    suite(xml, "static", statics);
    for (VersionResult r : v.versions()) {
      suite(xml, "containerd " + r.family().label(), cases(r));
    }
  }

  private static List<Case> cases(VersionResult r) {
    List<Case> cases = new ArrayList<>();
    if (r.state() == VersionResult.State.COULD_NOT_CHECK) {
      cases.add(new Case("live check", Optional.of("could not check: " + r.reason()), r.reason()));
      return cases;
    }
    if (r.state() == VersionResult.State.REFUSED) {
      cases.add(
          new Case(
              "containerd starts with the file",
              Optional.of("containerd refuses the file: " + r.reason()),
              String.join("\n", r.logged())));
      return cases;
    }
    boolean loaded = r.criLoaded().orElse(false);
    cases.add(
        new Case(
            "CRI plugin loads",
            loaded ? Optional.empty() : Optional.of("the CRI plugin did not load"),
            String.join("\n", r.logged())));
    for (VersionResult.ImageResult i : r.images()) {
      cases.add(
          new Case(
              "pull " + i.image(),
              i.pulled() ? Optional.empty() : Optional.of(i.error()),
              String.join("\n", r.hostsTried())));
    }
    return cases;
  }

  private void suite(XMLStreamWriter xml, String name, List<Case> cases) throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", name);
    xml.writeAttribute("tests", Integer.toString(cases.size()));
    xml.writeAttribute(
        "failures", Long.toString(cases.stream().filter(c -> c.failure().isPresent()).count()));
    for (Case c : cases) {
      xml.writeCharacters("\n    ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", name);
      xml.writeAttribute("name", redactor.redact(c.name()));
      if (c.failure().isPresent()) {
        xml.writeStartElement("failure");
        xml.writeAttribute("message", JUnitXml.xmlChars(redactor.redact(c.failure().get())));
        xml.writeEndElement();
      }
      if (!c.detail().isEmpty()) {
        xml.writeStartElement("system-out");
        xml.writeCharacters(JUnitXml.xmlChars(redactor.redact(c.detail())));
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }
}
