package org.citybridge.event.programme;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agenda entries written in Java: what each kind of visitor gets, and that nothing a title, a
 * speaker's name or a room can hold breaks out of its element or attribute.
 */
class AgendaMarkupTest {

	static final AgendaMarkup.Words WORDS = new AgendaMarkup.Words("Now", "Next", "Event time:", "Your time:", "demo programme",
			"Add to my agenda", "Remove from my agenda", "In your agenda", "Add to calendar", "Edit session", "Cancelled");

	static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";

	static AgendaPages.Row row(long id, String title, boolean starred, boolean chosen, AgendaView.Marker marker) {
		return new AgendaPages.Row(id, marker == AgendaView.Marker.NOW, marker == AgendaView.Marker.NEXT,
				"2025-02-17T11:30+01:00", "11:30\u201313:00 CET", "2025-02-17T18:30+08:00", "18:30\u201320:00 ULAT", title,
				AgendaMarkup.esc(title), "/events/forum/sessions/" + id, AgendaMarkup.esc("Panel \u00B7 Room: " + title), true,
				AgendaMarkup.esc("Track <1>"),
				List.of(new AgendaPages.Link("/events/forum/speakers/9", AgendaMarkup.esc("Dusan Raicevic, NALAS \"President\""))), starred, chosen,
				"/events/forum/agenda?s=" + id + "&day=2025-02-17#session-" + id, "Edit session: " + title, false);
	}

	static AgendaMarkup markup(boolean signedIn, boolean mayEdit, boolean dual) {
		return new AgendaMarkup(WORDS, new AgendaMarkup.Viewer(signedIn, mayEdit, dual, "2025-02-17", "_csrf", "t\"ok"));
	}

	@Test
	void hostileTextIsEscapedInEveryElementAndAttribute() {
		String html = markup(true, true, true).entries(List.of(row(1, HOSTILE, false, false, null)));
		assertThat(html).doesNotContain("<script>", "alert('x')", "\"quoted\"", "<1>")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;</a></h3>",
					"aria-label=\"Edit session: &lt;script&gt;", "NALAS &quot;President&quot;</a>",
					"name=\"_csrf\" value=\"t&quot;ok\"");
		String grid = markup(false, false, false)
			.timetable(List.of(new AgendaPages.Slot("2025-02-17T11:30+01:00", "11:30 <CET>", List.of(List.of(row(1, HOSTILE, false,
					false, null)), List.of()))));
		assertThat(grid).doesNotContain("<script>", "<CET>", "<1>").contains("11:30 &lt;CET&gt;", "Track &lt;1&gt;");
	}

	@Test
	void aVisitorWithoutAccountAddsToTheShareableListAndSeesWhatIsInIt() {
		String html = markup(false, false, false)
			.entries(List.of(row(1, "Opening", false, false, null), row(2, "Closing", false, true, null)));
		assertThat(html).doesNotContain("<form", "_csrf", "Edit session", "Your time:")
			.contains("<a href=\"/events/forum/agenda?s=1&amp;day=2025-02-17#session-1\" id=\"choose-1\""
					+ " data-hx-get=\"/events/forum/agenda?s=1&amp;day=2025-02-17\" data-hx-push-url=\"/events/forum/agenda?s=1&amp;day=2025-02-17\""
					+ " data-hx-select=\"main\" data-hx-target=\"main\" data-hx-swap=\"outerHTML\">Add to my agenda"
					+ "<span class=\"visually-hidden\">: Opening</span></a>",
					"<span id=\"choose-2\" tabindex=\"-1\">In your agenda</span>",
					"<a href=\"/events/forum/sessions/2.ics\">Add to calendar");
	}

	@Test
	void aSignedInDelegateStarsWithAFormThatCarriesTheCsrfFieldAndTheDay() {
		String html = markup(true, false, false).entries(List.of(row(1, "Opening", false, false, null), row(2, "Closing", true,
				false, null)));
		assertThat(html).contains("<form action=\"/events/forum/sessions/1/star\" method=\"post\" class=\"inline\""
				+ " data-hx-post=\"/events/forum/sessions/1/star\" data-hx-select=\"main\" data-hx-target=\"main\" data-hx-swap=\"outerHTML\">"
				+ "<input type=\"hidden\" name=\"_csrf\" value=\"t&quot;ok\"><input type=\"hidden\" name=\"starred\" value=\"true\">"
				+ "<input type=\"hidden\" name=\"day\" value=\"2025-02-17\">", ">Remove from my agenda<span")
			.contains("name=\"starred\" value=\"false\"").doesNotContain("Edit session");
	}

	@Test
	void staffGetAnEditLinkNamedForTheSession() {
		assertThat(markup(true, true, false).entries(List.of(row(1, "Opening", false, false, null))))
			.contains("<a href=\"/events/forum/sessions/1/edit\" aria-label=\"Edit session: Opening\">Edit session</a>");
	}

	@Test
	void twoZonesShowBothTimesEachNamedForScreenReaders() {
		assertThat(markup(false, false, true).entries(List.of(row(1, "Opening", false, false, null))))
			.contains("<div class=\"session-times dual\">", "<span class=\"visually-hidden\">Event time:</span> "
					+ "<time datetime=\"2025-02-17T11:30+01:00\">11:30\u201313:00 CET</time>",
					"<span class=\"visually-hidden\">Your time:</span> <time datetime=\"2025-02-17T18:30+08:00\">");
		assertThat(markup(false, false, false).entries(List.of(row(1, "Opening", false, false, null))))
			.contains("<div class=\"session-times\">").doesNotContain("Your time:", "Event time:", "18:30");
	}

	@Test
	void sessionsUnderWayAndNextAreMarkedInTheListAndTheTimetable() {
		AgendaMarkup markup = markup(false, false, false);
		List<AgendaPages.Row> rows = List.of(row(1, "Now on", false, false, AgendaView.Marker.NOW),
				row(2, "Then", false, false, AgendaView.Marker.NEXT), row(3, "Later", false, false, null));
		String html = markup.entries(rows);
		assertThat(html).contains("<strong class=\"marker marker-now\">Now</strong>", "<strong class=\"marker marker-next\">Next</strong>");
		assertThat(html.split("marker-")).hasSize(3);
		assertThat(html).contains("<li id=\"session-1\" class=\"session is-now\">", "<li id=\"session-2\" class=\"session is-next\">",
				"<li id=\"session-3\" class=\"session\">");
		assertThat(markup.timetable(List.of(new AgendaPages.Slot("2025-02-17T11:30+01:00", "11:30 CET", List.of(rows)))))
			.contains("<div class=\"cell-session\"><strong class=\"marker marker-now\">Now</strong> <a href=\"/events/forum/sessions/1\">");
	}

	@Test
	void aFilterOffersAllThenEachChoiceWithTheOneAskedForSelected() {
		String html = AgendaMarkup.options("All speakers", List.of(new AgendaMarkup.Option("7", "Ann <Admin>"),
				new AgendaMarkup.Option("9", "Dusan Raicevic")), "9");
		assertThat(html).isEqualTo("<option value=\"\">All speakers</option><option value=\"7\">Ann &lt;Admin&gt;</option>"
				+ "<option value=\"9\" selected>Dusan Raicevic</option>");
		assertThat(AgendaMarkup.options("All rooms", List.of(new AgendaMarkup.Option("7", "Hall")), null)).doesNotContain("selected");
	}
}
