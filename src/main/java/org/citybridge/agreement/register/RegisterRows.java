package org.citybridge.agreement.register;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.citybridge.agreement.AgreementStatus;
import org.citybridge.agreement.AgreementType;
import org.citybridge.agreement.register.AgreementCatalogue.Listed;
import org.citybridge.agreement.register.AgreementCatalogue.Signatory;
import org.citybridge.municipality.PlaceNames;
import org.citybridge.system.DisplayNames;
import org.citybridge.system.Moments;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The register's table rows, written here rather than by the template: twenty rows of five cells,
 * each party's name in the reader's script with its language marked, its country's name, the type,
 * status and date in the page's language, were some 700 template expressions and three fragment
 * inclusions a row, the largest part of a register page's own time (docs/benchmarks.md, issue 25).
 * The markup is what {@code agreement/list.html} and {@code fragments/place.html} wrote, element for
 * element: each cell labelled for the narrow layout ({@code data-label}), the title a link whose
 * names are marked {@code translate="no"} with their language, the parties as {@code fragments/place ::
 * name} shows them with the country's code in an {@code <abbr>} titled with its name. Every text and
 * attribute value is HTML-escaped; the words come from the message bundles, looked up once per page.
 */
@Component
class RegisterRows {

	private final PlaceNames placeNames;

	private final DisplayNames names;

	private final MessageSource messages;

	/** The words per language: the bundles do not change while the portal runs. */
	private final Map<Locale, Words> words = new ConcurrentHashMap<>();

	RegisterRows(PlaceNames placeNames, DisplayNames names, MessageSource messages) {
		this.placeNames = placeNames;
		this.names = names;
		this.messages = messages;
	}

	/** The {@code <tr>}s of the register's {@code <tbody>} for these agreements, in the page's language. */
	String html(List<Listed> agreements, Locale locale) {
		StringBuilder html = new StringBuilder(agreements.size() * 900);
		html(html, agreements, locale);
		return html.toString();
	}

	/**
	 * The register's whole table at the end of {@code html} (the page's own builder): its caption and
	 * column heads, the same words as the cells' labels, and the rows.
	 */
	void table(StringBuilder html, List<Listed> agreements, Locale locale) {
		Words words = this.words.computeIfAbsent(locale, Words::new);
		html.append("<table class=\"results\">\n    <caption class=\"visually-hidden\">").append(words.caption)
			.append("</caption>\n    <thead>\n      <tr>\n        <th scope=\"col\">").append(words.title)
			.append("</th>\n        <th scope=\"col\">").append(words.parties).append("</th>\n        <th scope=\"col\">")
			.append(words.type).append("</th>\n        <th scope=\"col\">").append(words.status)
			.append("</th>\n        <th scope=\"col\">").append(words.signedOn).append("</th>\n      </tr>\n    </thead>\n    ")
			.append("<tbody>");
		html(html, agreements, locale);
		html.append("</tbody>\n  </table>");
	}

	private void html(StringBuilder html, List<Listed> agreements, Locale locale) {
		Words words = this.words.computeIfAbsent(locale, Words::new);
		for (Listed a : agreements) {
			html.append("<tr>\n        <td data-label=\"").append(words.title).append("\"><a href=\"")
				.append(esc(a.href())).append("\">");
			title(html, a, locale);
			html.append("</a>\n          ");
			if (a.verified()) {
				html.append("<span class=\"badge\">").append(words.verified).append("</span>");
			}
			else {
				html.append("<span class=\"badge badge-muted\">").append(words.unverified).append("</span>");
			}
			html.append("</td>\n        <td data-label=\"").append(words.parties).append("\">");
			List<Signatory> parties = a.parties();
			for (int i = 0; i < parties.size(); i++) {
				Signatory p = parties.get(i);
				name(html, this.placeNames.of(p.id(), p.name(), null, locale));
				html.append(" (<abbr title=\"").append(esc(this.names.country(p.countryCode(), locale))).append("\">")
					.append(esc(p.countryCode())).append("</abbr>)");
				if (i < parties.size() - 1) {
					html.append(", ");
				}
			}
			html.append("</td>\n        <td data-label=\"").append(words.type).append("\">")
				.append(words.types.get(a.type())).append("</td>\n        <td data-label=\"")
				.append(words.status).append("\">").append(words.statuses.get(a.status()))
				.append("</td>\n        <td data-label=\"").append(words.signedOn).append("\">")
				.append(a.signedOn() != null ? esc(Moments.date(a.signedOn(), locale)) : words.unknown)
				.append("</td>\n      </tr>\n      ");
		}
	}

	/** As {@code fragments/place :: title}: a title made of the parties' names, each marked; else as it is. */
	private void title(StringBuilder html, Listed a, Locale locale) {
		List<Long> ids = a.parties().stream().map(Signatory::id).toList();
		List<String> partyNames = a.parties().stream().map(Signatory::name).toList();
		List<PlaceNames.Shown> parts = this.placeNames.titleParts(a.title(), ids, partyNames, locale);
		if (parts == null) {
			html.append(esc(a.title()));
			return;
		}
		for (int i = 0; i < parts.size(); i++) {
			PlaceNames.Shown part = parts.get(i);
			span(html, null, part.first(), part.firstLang());
			if (i < parts.size() - 1) {
				html.append(" – ");
			}
		}
	}

	/** As {@code fragments/place :: name}: the name shown first, and the other one beside it when there is one. */
	private static void name(StringBuilder html, PlaceNames.Shown shown) {
		span(html, null, shown.first(), shown.firstLang());
		if (shown.second() != null) {
			html.append(' ');
			span(html, "native-name", shown.second(), shown.secondLang());
		}
	}

	private static void span(StringBuilder html, String cssClass, String text, String lang) {
		html.append("<span");
		if (cssClass != null) {
			html.append(" class=\"").append(cssClass).append('"');
		}
		if (lang != null) {
			html.append(" lang=\"").append(esc(lang)).append('"');
		}
		html.append(" translate=\"no\">").append(esc(text)).append("</span>");
	}

	static String esc(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

	/** The words of the table, escaped, in one language: looked up once per language, not per row or page. */
	private final class Words {

		private final Locale locale;

		final String caption;

		final String title;

		final String parties;

		final String type;

		final String status;

		final String signedOn;

		final String verified;

		final String unverified;

		final String unknown;

		final Map<AgreementType, String> types = new EnumMap<>(AgreementType.class);

		final Map<AgreementStatus, String> statuses = new EnumMap<>(AgreementStatus.class);

		Words(Locale locale) {
			this.locale = locale;
			this.caption = esc(message("agreement.list.caption"));
			this.title = esc(message("agreement.field.title"));
			this.parties = esc(message("agreement.field.parties"));
			this.type = esc(message("agreement.field.type"));
			this.status = esc(message("agreement.field.status"));
			this.signedOn = esc(message("agreement.field.signedOn"));
			this.verified = esc(message("agreement.verified"));
			this.unverified = esc(message("agreement.unverified"));
			this.unknown = esc(message("common.unknown"));
			for (AgreementType type : AgreementType.values()) {
				this.types.put(type, esc(message("agreement.type." + type)));
			}
			for (AgreementStatus status : AgreementStatus.values()) {
				this.statuses.put(status, esc(message("agreement.status." + status)));
			}
		}

		private String message(String code) {
			return RegisterRows.this.messages.getMessage(code, null, this.locale);
		}

	}

}
