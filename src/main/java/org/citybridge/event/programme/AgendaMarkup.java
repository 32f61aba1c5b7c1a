package org.citybridge.event.programme;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * The markup an agenda page repeats for every session: an entry of the list, a row of the timetable.
 * The template writes everything said once per page (headings, filters, day tabs, the table's head);
 * the entries are written here, from the {@link AgendaPages.Row}s already prepared, because a day of
 * 60 sessions is some 1,800 template expressions and attribute processors, which took half the page's
 * time (docs/benchmarks.md). Every text and attribute value is HTML-escaped; the words come from the
 * message bundles through {@link Words}, looked up once per page.
 */
public final class AgendaMarkup {

	/** The words of the entries, in the page's language. */
	record Words(String now, String next, String eventTime, String yourTime, String demo, String star, String unstar,
			String inList, String addToCalendar, String edit, String cancelled) {
	}

	/**
	 * Who looks and how: signed in (stars are a form, with the CSRF field {@code csrfName}={@code csrfValue}),
	 * else the shared list's links; staff see edit links; {@code dual} when the viewer's zone is shown
	 * beside the event's; {@code shownDay} is the day starring comes back to.
	 */
	record Viewer(boolean signedIn, boolean mayEdit, boolean dual, String shownDay, String csrfName, String csrfValue) {
	}

	/** A choice of a filter: the value sent and the text shown. */
	record Option(String value, String label) {
	}

	private final Words words;

	private final Viewer viewer;

	AgendaMarkup(Words words, Viewer viewer) {
		this.words = words;
		this.viewer = viewer;
	}

	/** The {@code <li>} entries of a day's {@code <ol class="sessions">}. */
	String entries(List<AgendaPages.Row> rows) {
		StringBuilder html = new StringBuilder(rows.size() * 1400);
		for (AgendaPages.Row r : rows) {
			entry(html, r);
		}
		return html.toString();
	}

	/** The body rows of a day's timetable: one per start time, one cell per room. */
	String timetable(List<AgendaPages.Slot> slots) {
		StringBuilder html = new StringBuilder(slots.size() * 600);
		for (AgendaPages.Slot slot : slots) {
			html.append("<tr><th scope=\"row\"><time datetime=\"").append(esc(slot.isoStart())).append("\">")
				.append(esc(slot.label())).append("</time></th>");
			for (List<AgendaPages.Row> cell : slot.cells()) {
				html.append("<td>");
				for (AgendaPages.Row r : cell) {
					html.append("<div class=\"cell-session\">");
					markers(html, r);
					cancelled(html, r);
					linkHtml(html, r.href(), r.titleHtml());
					html.append(" <span class=\"cell-times\">").append(esc(r.label())).append("</span>");
					if (r.trackHtml() != null) {
						html.append(" <span class=\"cell-track\">").append(r.trackHtml()).append("</span>");
					}
					html.append("</div>");
				}
				html.append("</td>");
			}
			html.append("</tr>\n");
		}
		return html.toString();
	}

	/**
	 * The {@code <option>}s of a filter: first "all" (the empty value), then each choice, the one in
	 * {@code selected} marked (the speaker filter alone has 150 on a large forum).
	 */
	static String options(String all, List<Option> options, String selected) {
		StringBuilder html = new StringBuilder(64 + options.size() * 48);
		html.append("<option value=\"\">").append(esc(all)).append("</option>");
		for (Option option : options) {
			html.append("<option value=\"").append(esc(option.value())).append('"');
			if (option.value().equals(selected)) {
				html.append(" selected");
			}
			html.append('>').append(esc(option.label())).append("</option>");
		}
		return html.toString();
	}

	private void entry(StringBuilder html, AgendaPages.Row r) {
		html.append("<li id=\"session-").append(r.id()).append("\" class=\"")
			.append(r.cancelled() ? "session is-cancelled" : r.now() ? "session is-now" : r.next() ? "session is-next" : "session")
			.append("\">");
		html.append("<div class=\"").append(this.viewer.dual() ? "session-times dual" : "session-times").append("\"><p>");
		markers(html, r);
		if (this.viewer.dual()) {
			hidden(html, "span", this.words.eventTime());
		}
		html.append(" <time datetime=\"").append(esc(r.isoStart())).append("\">").append(esc(r.label())).append("</time></p>");
		if (this.viewer.dual()) {
			html.append("<p>");
			hidden(html, "span", this.words.yourTime());
			html.append(" <time datetime=\"").append(esc(r.viewerIsoStart())).append("\">").append(esc(r.viewerLabel()))
				.append("</time></p>");
		}
		html.append("</div><h3>");
		cancelled(html, r);
		linkHtml(html, r.href(), r.titleHtml());
		html.append("</h3><p class=\"session-facts\">").append(r.factsHtml());
		if (r.demo()) {
			html.append(" <span class=\"badge\">").append(esc(this.words.demo())).append("</span>");
		}
		html.append("</p>");
		if (!r.speakers().isEmpty()) {
			html.append("<ul class=\"session-speakers\">");
			for (AgendaPages.Link speaker : r.speakers()) {
				html.append("<li>");
				linkHtml(html, speaker.href(), speaker.labelHtml());
				html.append("</li>");
			}
			html.append("</ul>");
		}
		html.append("<div class=\"session-actions no-print\">");
		if (this.viewer.signedIn()) {
			// With JavaScript (htmx) the answer replaces the page's main part in place: no reload, no
			// jump, focus back on this session's button (same id); without, the redirect comes back here.
			html.append("<form action=\"").append(esc(r.href())).append("/star\" method=\"post\" class=\"inline\" data-hx-post=\"")
				.append(esc(r.href())).append("/star\"").append(STAY).append('>');
			if (this.viewer.csrfName() != null) {
				html.append("<input type=\"hidden\" name=\"").append(esc(this.viewer.csrfName())).append("\" value=\"")
					.append(esc(this.viewer.csrfValue())).append("\">");
			}
			html.append("<input type=\"hidden\" name=\"starred\" value=\"").append(!r.starred())
				.append("\"><input type=\"hidden\" name=\"day\" value=\"").append(esc(this.viewer.shownDay()))
				.append("\"><button type=\"submit\" class=\"secondary\" id=\"choose-").append(r.id()).append("\">")
				.append(esc(r.starred() ? this.words.unstar() : this.words.star()));
			forTitle(html, r);
			html.append("</button></form>");
		}
		else if (r.chosen()) {
			html.append("<span id=\"choose-").append(r.id()).append("\" tabindex=\"-1\">").append(esc(this.words.inList()))
				.append("</span>");
		}
		else {
			String address = r.chooseHref().replaceFirst("#.*$", "");
			html.append("<a href=\"").append(esc(r.chooseHref())).append("\" id=\"choose-").append(r.id())
				.append("\" data-hx-get=\"").append(esc(address)).append("\" data-hx-push-url=\"").append(esc(address)).append('"')
				.append(STAY).append('>').append(esc(this.words.star()));
			forTitle(html, r);
			html.append("</a>");
		}
		html.append("<a href=\"").append(esc(r.href())).append(".ics\">").append(esc(this.words.addToCalendar()));
		forTitle(html, r);
		html.append("</a>");
		if (this.viewer.mayEdit()) {
			html.append("<a href=\"").append(esc(r.href())).append("/edit\" aria-label=\"").append(esc(r.editLabel()))
				.append("\">").append(esc(this.words.edit())).append("</a>");
		}
		html.append("</div></li>\n");
	}

	/** "Now" or "Next" in front of a session under way or about to start, while the event runs. */
	private void markers(StringBuilder html, AgendaPages.Row r) {
		if (r.now()) {
			html.append("<strong class=\"marker marker-now\">").append(esc(this.words.now())).append("</strong> ");
		}
		else if (r.next()) {
			html.append("<strong class=\"marker marker-next\">").append(esc(this.words.next())).append("</strong> ");
		}
	}

	/** "Cancelled" in words, in front of a cancelled session's title: it stays on the agenda, marked. */
	private void cancelled(StringBuilder html, AgendaPages.Row r) {
		if (r.cancelled()) {
			html.append("<strong class=\"marker marker-cancelled\">").append(esc(this.words.cancelled())).append("</strong> ");
		}
	}

	/** A link around markup already escaped. */
	private static void linkHtml(StringBuilder html, String href, String escaped) {
		html.append("<a href=\"").append(esc(href)).append("\">").append(escaped).append("</a>");
	}

	/** htmx: take the answer's main part in place of this page's. */
	private static final String STAY = " data-hx-select=\"main\" data-hx-target=\"main\" data-hx-swap=\"outerHTML\"";

	/** ": Opening plenary", the session an action is for, which completes its name for screen readers. */
	private static void forTitle(StringBuilder html, AgendaPages.Row r) {
		hidden(html, "span", ": " + r.title());
	}

	/** Words for screen readers only. */
	private static void hidden(StringBuilder html, String element, String text) {
		html.append('<').append(element).append(" class=\"visually-hidden\">").append(esc(text)).append("</").append(element)
			.append('>');
	}

	/** Escapes {@code <}, {@code >}, {@code &}, {@code "} and {@code '}; other characters stay as they are (UTF-8 page). */
	static String esc(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}
}
