package dev.pullproof.harness.report;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** What every JUnit XML pullproof writes shares: the document around the suites, and its text. */
public final class JUnitXml {
  private JUnitXml() {}

  /** Writes the suites inside the {@code testsuites} element. */
  public interface Suites {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  /** A whole document: a {@code testsuites} element named {@code name} around {@code suites}. */
  public static String document(String name, Suites suites) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", name);
      suites.write(xml);
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

  /** {@code text} with '?' for each character XML 1.0 cannot carry, even escaped. */
  public static String xmlChars(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              boolean ok =
                  c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || c >= 0x10000;
              out.appendCodePoint(ok ? c : '?');
            });
    return out.toString();
  }
}
