package org.onestop.disclosure.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an Atom 1.0 feed (RFC 4287). Text goes through a StAX writer, which escapes markup
 * characters; characters XML 1.0 cannot carry at all are dropped first, since no escape exists
 * for them and one stray control character would make the whole feed unreadable.
 */
final class AtomWriter {

    static final String NS = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private AtomWriter() {
    }

    record Feed(String id, String title, String subtitle, String selfHref, String alternateHref, String author,
            Instant updated, List<Entry> entries) {
    }

    record Entry(String id, String title, Instant updated, OffsetDateTime published, String author, String href,
            String categoryTerm, String categoryLabel, String summary) {
    }

    static String write(Feed feed) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NS);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "zh-CN");
            text(xml, "id", feed.id());
            text(xml, "title", feed.title());
            text(xml, "subtitle", feed.subtitle());
            text(xml, "updated", feed.updated().toString());
            link(xml, "self", "application/atom+xml", feed.selfHref());
            link(xml, "alternate", "text/html", feed.alternateHref());
            author(xml, feed.author());
            text(xml, "generator", "OneStop 一站通");
            for (Entry entry : feed.entries()) {
                entry(xml, entry);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            // Writing to a StringWriter does no I/O; a failure here is a bug, not a condition.
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, Entry entry) throws XMLStreamException {
        xml.writeStartElement("entry");
        text(xml, "id", entry.id());
        text(xml, "title", entry.title());
        text(xml, "updated", entry.updated().toString());
        text(xml, "published", entry.published().toString());
        author(xml, entry.author());
        link(xml, "alternate", "text/html", entry.href());
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", clean(entry.categoryTerm()));
        xml.writeAttribute("label", clean(entry.categoryLabel()));
        text(xml, "summary", entry.summary());
        xml.writeEndElement();
    }

    private static void author(XMLStreamWriter xml, String name) throws XMLStreamException {
        xml.writeStartElement("author");
        text(xml, "name", name);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", clean(href));
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    /** The text without characters outside XML 1.0's Char production. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(value.length());
        value.codePoints().filter(AtomWriter::allowed).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }
}
