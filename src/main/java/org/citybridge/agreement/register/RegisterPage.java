package org.citybridge.agreement.register;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.citybridge.agreement.register.AgreementCatalogue.Listed;
import org.citybridge.event.EventCatalogue;
import org.citybridge.system.ResultPage;
import org.citybridge.system.Text;
import org.citybridge.system.translation.Translated;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The register page's content, written here rather than by the template, as its rows are
 * ({@link RegisterRows}): the links for staff, the views of the same agreements, the filter form,
 * what of the filters could not be used, the count, the table and the pager. Through the template
 * these were some 150 expressions, fragment inclusions and links, the largest part of the page's own
 * time once the rows and the filters' lists were written in Java (docs/benchmarks.md, issue 25). The
 * markup is what {@code agreement/list.html}, {@code agreement/views-nav :: links}, {@code fragments/filter}
 * and {@code fragments/pager} wrote, element for element; every text and attribute value is escaped;
 * typed text in a problem's message keeps its marks, which the page's dialect turns into {@code <bdi>}.
 * The words that do not depend on the query are looked up once per language.
 */
@Component
class RegisterPage {

	private final RegisterRows rows;

	private final MessageSource messages;

	private final Map<Locale, Words> words = new ConcurrentHashMap<>();

	RegisterPage(RegisterRows rows, MessageSource messages) {
		this.rows = rows;
		this.messages = messages;
	}

	/** What the page shows besides its layout, in the page's language. */
	record Content(AgreementQuery query, ResultPage<Listed> results, RegisterOptions.Filters filters,
			List<EventCatalogue.Event> forums, boolean mayRegister, boolean mayVerify) {
	}

	CharSequence html(Content c, Locale locale) {
		Words w = this.words.computeIfAbsent(locale, Words::new);
		AgreementQuery q = c.query();
		ResultPage<Listed> results = c.results();
		// Nearly every page holds text beyond Latin-1 (an en dash in a title, the country list, every Mongolian
		// word): the builder is made two bytes a character while empty, not copied at twice its size halfway
		// through (a third of the page's allocation), and is handed on as it is, not copied into a String.
		StringBuilder html = new StringBuilder(16).append('\u2013');
		html.setLength(0);
		html.ensureCapacity(65_536 + results.items().size() * 900);
		html.append("\n  <h1>").append(w.heading).append("</h1>\n  ");
		if (c.mayRegister() || c.mayVerify()) {
			html.append("<p>\n    ");
			if (c.mayRegister()) {
				html.append("<a href=\"/agreements/new\">").append(w.registerNew).append("</a>");
			}
			html.append("\n    ");
			if (c.mayRegister() && c.mayVerify()) {
				html.append(" · ");
			}
			html.append("\n    ");
			if (c.mayVerify()) {
				html.append("<a href=\"/agreements/unverified\">").append(w.unverified).append("</a>\n     · <a href=\"/agreements/dormant\">")
					.append(w.dormant).append("</a>");
			}
			html.append("\n  </p>");
		}
		html.append("\n  ");
		viewsNav(html, w, RegisterRows.esc(q.filterQuery()));
		html.append("\n  ");
		filterForm(html, w, c, locale);
		html.append("\n\n  ");
		problems(html, w, q, locale);
		html.append("\n\n  ");
		if (results.total() > 0) {
			html.append("<p role=\"status\" class=\"result-count\">")
				.append(RegisterRows.esc(message("agreement.list.count",
						new Object[] { results.firstIndex(), results.lastIndex(), results.total() }, locale)))
				.append("</p>\n  ");
			html.append("\n\n  ");
			this.rows.table(html, results.items(), locale);
		}
		else {
			html.append("\n  <p role=\"status\" class=\"result-count\">")
				.append(q.filtered() ? w.noneFiltered : w.empty)
				.append("</p>\n\n  ");
		}
		html.append("\n\n  ");
		if (results.hasPrevious() || results.hasNext()) {
			html.append("<nav aria-label=\"").append(w.pagination).append("\" class=\"pager\">\n  <ul>\n    ");
			if (results.hasPrevious()) {
				html.append("<li><a rel=\"prev\" href=\"").append(RegisterRows.esc(q.href(results.page() - 1))).append("\">")
					.append(w.previous).append("</a></li>");
			}
			html.append("\n    <li><span>")
				.append(RegisterRows.esc(message("common.page", new Object[] { results.page(), results.totalPages() }, locale)))
				.append("</span></li>\n    ");
			if (results.hasNext()) {
				html.append("<li><a rel=\"next\" href=\"").append(RegisterRows.esc(q.href(results.page() + 1))).append("\">")
					.append(w.next).append("</a></li>");
			}
			html.append("\n  </ul>\n</nav>");
		}
		html.append('\n');
		return html;
	}

	/** As {@code agreement/views-nav :: links('list', query)}. */
	private static void viewsNav(StringBuilder html, Words w, String query) {
		html.append("<nav class=\"views-nav\" aria-label=\"").append(w.viewsLabel).append("\">\n  <ul>\n")
			.append("    <li><a href=\"/agreements").append(query).append("\" aria-current=\"page\">").append(w.viewList)
			.append("</a></li>\n    <li><a href=\"/agreements/map").append(query).append("\">").append(w.viewMap)
			.append("</a></li>\n    <li><a href=\"/agreements/stats").append(query).append("\">").append(w.viewStats)
			.append("</a></li>\n    <li><a href=\"/agreements.csv").append(query).append("\" download>").append(w.viewCsv)
			.append("</a></li>\n    <li><a href=\"/agreements.geojson").append(query).append("\" download>")
			.append(w.viewGeojson).append("</a></li>\n    <li><a href=\"/agreements.json").append(query).append("\">")
			.append(w.viewJson).append("</a></li>\n    <li><a href=\"/open-data\">").append(w.viewOpenData)
			.append("</a></li>\n  </ul>\n</nav>");
	}

	private void filterForm(StringBuilder html, Words w, Content c, Locale locale) {
		AgreementQuery q = c.query();
		RegisterOptions.Filters f = c.filters();
		boolean open = !q.problems().isEmpty() || (q.filtered() && c.results().total() == 0);
		html.append("<search>\n  <form action=\"/agreements\" method=\"get\">\n    <details class=\"filters\"")
			.append(open ? " open=\"open\">" : ">").append("\n      <summary>")
			.append(q.filtered()
					? RegisterRows.esc(message("common.filters.chosen", new Object[] { w.filterHeadingText, q.chosenCount() }, locale))
					: w.filterHeading)
			.append("</summary>\n      <div class=\"filter-grid\">\n        ");
		// As fragments/filter :: checklist('country', …).
		html.append("<fieldset class=\"checklist\">\n  <legend>").append(w.country)
			.append("</legend>\n  <div class=\"checklist-find\" hidden>\n    <label for=\"country-find\">").append(w.find)
			.append("</label>\n    <input type=\"search\" id=\"country-find\" data-narrows=\"country\" autocomplete=\"off\">\n  </div>\n")
			.append("  <div class=\"checklist-items long\" id=\"country\">").append(f.countryChecks())
			.append("</div>\n</fieldset>\n        <fieldset>\n          <legend>").append(w.pair)
			.append("</legend>\n          <label for=\"pair_a\">").append(w.pairA)
			.append("</label>\n          <select id=\"pair_a\" name=\"pair_a\">").append(f.pairAOptions())
			.append("</select>\n          <label for=\"pair_b\">").append(w.pairB)
			.append("</label>\n          <select id=\"pair_b\" name=\"pair_b\">").append(f.pairBOptions())
			.append("</select>\n        </fieldset>\n        <fieldset class=\"checklist\">\n          <legend>").append(w.themes)
			.append("</legend>\n          <div class=\"checklist-items\">").append(f.themeChecks())
			.append("</div>\n        </fieldset>\n        <fieldset>\n          <legend>").append(w.type).append("</legend>\n          ")
			.append(f.typeChecks()).append("\n        </fieldset>\n        <fieldset>\n          <legend>").append(w.status)
			.append("</legend>\n          ").append(f.statusChecks()).append("\n        </fieldset>\n        <fieldset>\n          <legend>")
			.append(w.years).append("</legend>\n          <label for=\"from\">").append(w.from)
			.append("</label>\n          <input id=\"from\" name=\"from\" type=\"number\" min=\"1000\" max=\"2999\" step=\"1\" inputmode=\"numeric\" value=\"")
			.append(q.fromYear() == null ? "" : q.fromYear().toString()).append("\">\n          <label for=\"to\">").append(w.to)
			.append("</label>\n          <input id=\"to\" name=\"to\" type=\"number\" min=\"1000\" max=\"2999\" step=\"1\" inputmode=\"numeric\" value=\"")
			.append(q.toYear() == null ? "" : q.toYear().toString()).append("\">\n        </fieldset>\n        <div>\n          <label for=\"active\">")
			.append(w.active).append("</label>\n          <select id=\"active\" name=\"active\">").append(f.activeOptions())
			.append("</select>\n        </div>\n        ");
		if (!c.forums().isEmpty() || q.forum() != null) {
			html.append("<div>\n          <label for=\"forum\">").append(w.forum)
				.append("</label>\n          <select id=\"forum\" name=\"forum\">\n            <option value=\"\">").append(w.forumAny)
				.append("</option>\n            ");
			for (EventCatalogue.Event e : c.forums()) {
				Translated t = e.shownTitle(locale);
				String lang = t.markedLang(locale);
				html.append("<option value=\"").append(RegisterRows.esc(e.slug())).append('"');
				if (lang != null) {
					html.append(" lang=\"").append(RegisterRows.esc(lang)).append('"');
				}
				if (e.slug().equals(q.forum())) {
					html.append(" selected=\"selected\"");
				}
				html.append('>').append(RegisterRows.esc(t.text())).append("</option>");
			}
			html.append("\n          </select>\n        </div>");
		}
		html.append("\n        <div>\n          <label><input type=\"checkbox\" name=\"verified\" value=\"1\"")
			.append(q.verifiedOnly() ? " checked=\"checked\">" : ">").append("\n            <span>").append(w.verified)
			.append("</span></label>\n          <label for=\"sort\">").append(w.sort)
			.append("</label>\n          <select id=\"sort\" name=\"sort\">").append(f.sortOptions())
			.append("</select>\n        </div>\n      </div>\n      ");
		// As fragments/filter :: actions(…), the "clear" link while a filter is set.
		html.append("<div class=\"filter-actions\">\n  <button type=\"submit\">").append(w.apply).append("</button>\n  ");
		if (q.filtered()) {
			html.append("<a href=\"/agreements\">").append(w.clear).append("</a>");
		}
		html.append("\n</div>\n    </details>\n  </form>\n  </search>");
	}

	/** As {@code fragments/filter :: problems(…)}: each filter that could not be used, with the value as sent. */
	private void problems(StringBuilder html, Words w, AgreementQuery q, Locale locale) {
		if (q.problems().isEmpty()) {
			return;
		}
		html.append("<div class=\"form-errors\" role=\"alert\">\n  <p>").append(w.problemIntro).append("</p>\n  <ul>");
		for (AgreementQuery.Problem p : q.problems()) {
			html.append("<li>").append(RegisterRows.esc(message(p.key(), new Object[] { Text.typedIfText(p.value()) }, locale)))
				.append("</li>");
		}
		html.append("</ul>\n</div>");
	}

	private String message(String code, Object[] args, Locale locale) {
		return this.messages.getMessage(code, args, locale);
	}

	/** The page's fixed words in one language, escaped (the bundles do not change while the portal runs). */
	private final class Words {

		final String heading, registerNew, unverified, dormant, viewsLabel, viewList, viewMap, viewStats, viewCsv,
				viewGeojson, viewJson, viewOpenData, filterHeadingText, filterHeading, country, find, pair, pairA, pairB,
				themes, type, status, years, from, to, active, forum, forumAny, verified, sort, apply, clear,
				problemIntro, noneFiltered, empty, pagination, previous, next;

		private final Locale locale;

		Words(Locale locale) {
			this.locale = locale;
			this.heading = word("agreement.list.heading");
			this.registerNew = word("agreement.list.new");
			this.unverified = word("agreement.unverified.title");
			this.dormant = word("dormant.title");
			this.viewsLabel = word("agreement.views.nav.label");
			this.viewList = word("agreement.views.nav.list");
			this.viewMap = word("agreement.views.nav.map");
			this.viewStats = word("agreement.views.nav.stats");
			this.viewCsv = word("agreement.views.nav.csv");
			this.viewGeojson = word("agreement.views.nav.geojson");
			this.viewJson = word("agreement.views.nav.json");
			this.viewOpenData = word("agreement.views.nav.openData");
			this.filterHeadingText = RegisterPage.this.messages.getMessage("agreement.filter.heading", null, locale);
			this.filterHeading = RegisterRows.esc(this.filterHeadingText);
			this.country = word("agreement.filter.country");
			this.find = word("common.checklist.find");
			this.pair = word("agreement.filter.pair");
			this.pairA = word("agreement.filter.pairA");
			this.pairB = word("agreement.filter.pairB");
			this.themes = word("agreement.field.themes");
			this.type = word("agreement.field.type");
			this.status = word("agreement.field.status");
			this.years = word("agreement.filter.years");
			this.from = word("agreement.filter.from");
			this.to = word("agreement.filter.to");
			this.active = word("agreement.filter.active");
			this.forum = word("agreement.filter.forum");
			this.forumAny = word("agreement.filter.forum.any");
			this.verified = word("agreement.filter.verified");
			this.sort = word("agreement.filter.sort");
			this.apply = word("agreement.filter.apply");
			this.clear = word("agreement.filter.clear");
			this.problemIntro = word("agreement.filter.problem.intro");
			this.noneFiltered = word("agreement.list.none.filtered");
			this.empty = word("agreement.list.empty");
			this.pagination = word("common.pagination");
			this.previous = word("common.previous");
			this.next = word("common.next");
		}

		private String word(String code) {
			return RegisterRows.esc(RegisterPage.this.messages.getMessage(code, null, this.locale));
		}
	}
}
