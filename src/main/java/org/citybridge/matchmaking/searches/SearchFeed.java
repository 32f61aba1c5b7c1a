package org.citybridge.matchmaking.searches;

import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.stereotype.Component;

/** The partner searches as an Atom feed (RFC 4287): the newest first, each linking to its page. */
@Component
class SearchFeed {

	static final int ENTRIES = 50;

	private final SearchReads reads;

	private final org.springframework.context.MessageSource messages;

	SearchFeed(SearchReads reads, org.springframework.context.MessageSource messages) {
		this.reads = reads;
		this.messages = messages;
	}

	void write(String base, java.util.Locale locale, OutputStream out) {
		String title = this.messages.getMessage("search.list.title", null, locale);
		List<PartnerSearch> searches = this.reads.newest(ENTRIES);
		try {
			XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			x.writeStartDocument("UTF-8", "1.0");
			x.writeStartElement("feed");
			x.writeDefaultNamespace("http://www.w3.org/2005/Atom");
			element(x, "title", title);
			element(x, "id", base + "/partner-searches/feed.atom");
			link(x, "self", null, base + "/partner-searches/feed.atom");
			link(x, "alternate", "text/html", base + "/partner-searches");
			element(x, "updated", format(searches.isEmpty() ? Instant.EPOCH : searches.get(0).createdAt()));
			x.writeStartElement("author");
			element(x, "name", "CityBridge");
			x.writeEndElement();
			for (PartnerSearch s : searches) {
				x.writeStartElement("entry");
				element(x, "title", s.title());
				element(x, "id", base + s.href());
				link(x, "alternate", "text/html", base + s.href());
				element(x, "updated", format(s.createdAt()));
				element(x, "published", format(s.createdAt()));
				x.writeStartElement("author");
				element(x, "name", s.municipalityId() != null ? s.municipalityName() : s.organisationName());
				x.writeEndElement();
				for (String theme : s.themes()) {
					x.writeEmptyElement("category");
					x.writeAttribute("term", theme);
				}
				element(x, "summary", s.idea());
				x.writeEndElement();
			}
			x.writeEndElement();
			x.writeEndDocument();
			x.flush();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("The partner searches' feed could not be written", ex);
		}
	}

	private static void link(XMLStreamWriter x, String rel, String type, String href) throws XMLStreamException {
		x.writeEmptyElement("link");
		x.writeAttribute("rel", rel);
		if (type != null) {
			x.writeAttribute("type", type);
		}
		x.writeAttribute("href", href);
	}

	private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
		x.writeStartElement(name);
		x.writeCharacters(text == null ? "" : text);
		x.writeEndElement();
	}

	private static String format(Instant at) {
		return at.truncatedTo(ChronoUnit.SECONDS).toString();
	}
}
