package dev.pullproof.harness.validate.output;

import dev.pullproof.harness.report.Redactor;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.Severity;
import dev.pullproof.harness.validate.Validation;
import dev.pullproof.harness.validate.live.VersionResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
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
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "pullproof validate");
      List<Case> statics = new ArrayList<>();
      for (Finding f : v.findings()) {
        String what = f.severity() + " " + Validation.location(f) + f.message();
        statics.add(
            new Case(
                f.rule() + " " + Validation.location(f).replaceAll(": $", ""),
                f.severity() == Severity.ERROR ? Optional.of(what) : Optional.empty(),
                what + (f.fix().isEmpty() ? "" : "\nfix: " + f.fix())));
      }
      suite(xml, "static", statics);
      for (VersionResult r : v.versions()) {
        suite(xml, "containerd " + r.family().label(), cases(r));
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot render JUnit XML", e);
    }
    return text.toString();
  }

  private static List<Case> cases(VersionResult r) {
    List<Case> cases = new ArrayList<>();
    if (r.harnessError().isPresent()) {
      cases.add(new Case("live check", r.harnessError(), r.harnessError().get()));
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
        xml.writeAttribute("message", clean(redactor.redact(c.failure().get())));
        xml.writeEndElement();
      }
      if (!c.detail().isEmpty()) {
        xml.writeStartElement("system-out");
        xml.writeCharacters(clean(redactor.redact(c.detail())));
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  /** XML 1.0 cannot carry most control characters, even escaped. */
  private static String clean(String s) {
    return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "?");
  }
}
