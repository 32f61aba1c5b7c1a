package org.citybridge.municipality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.system.DisplayNames;
import org.junit.jupiter.api.Test;

/**
 * Names in the reader's script and lists in the reader's alphabet, as the pages render them on the
 * demo data: Cyrillic first on Mongolian pages (Mongolian, Serbian, Bulgarian places by their native
 * name, Belgian and Hungarian ones by their Russian and Mongolian rendering), Latin first on English
 * and French ones; country lists in ICU's order of each language.
 */
class ReaderNamesIT extends DemoDataIntegrationTest {

	static final Locale MN = Locale.forLanguageTag("mn");

	@org.junit.jupiter.api.BeforeEach
	void demoAgreements() {
		this.context.getBean(org.citybridge.agreement.AgreementDemoData.class).load();
	}

	private long place(long geonamesId) {
		return this.jdbc.sql("SELECT id FROM municipalities WHERE geonames_id = ?").param(geonamesId).query(Long.class).single();
	}

	private String page(String uri) {
		var result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void theMongolianProfileHeadingPutsTheCyrillicNameFirstAndMarksTheLatinOne() {
		long darkhan = place(2031964);
		String mn = page("/municipalities/" + darkhan + "?lang=mn");
		assertThat(mn).containsPattern("<h1><span translate=\"no\">Дархан</span> <span class=\"native-name\" lang=\"mn-Latn\" translate=\"no\">Darkhan</span></h1>")
			.contains("<title>Дархан", "<dd><span>Дархан-Уул</span></dd>");
		String en = page("/municipalities/" + darkhan + "?lang=en");
		assertThat(en).contains("<h1><span translate=\"no\">Darkhan</span> <span class=\"native-name\" lang=\"mn\" translate=\"no\">Дархан</span></h1>",
				"<dd><span>Darkhan-Uul</span></dd>");
		assertThat(page("/municipalities/" + place(787657) + "?lang=mn"))
			.contains("<h1><span lang=\"sr\" translate=\"no\">Ниш</span> <span class=\"native-name\" lang=\"sr-Latn\" translate=\"no\">Niš</span></h1>", "<dd><span>Нишава</span></dd>");
		assertThat(page("/municipalities/" + place(732263) + "?lang=mn"))
			.contains("<h1><span lang=\"bg\" translate=\"no\">Димитровград</span> <span class=\"native-name\" lang=\"bg-Latn\" translate=\"no\">Dimitrovgrad</span></h1>");
		assertThat(page("/municipalities/" + place(2797656) + "?lang=mn"))
			.contains("<h1><span translate=\"no\">Гент</span> <span class=\"native-name\" lang=\"nl\" translate=\"no\">Ghent</span></h1>");
		assertThat(page("/municipalities/" + place(2797656) + "?lang=fr"))
			.contains("<h1><span translate=\"no\">Ghent</span> <span class=\"native-name\" lang=\"nl\" translate=\"no\">Gent</span></h1>");
		assertThat(page("/municipalities/" + place(3050616) + "?lang=mn"))
			.contains("<h1><span translate=\"no\">Капошвар</span> <span class=\"native-name\" lang=\"hu\" translate=\"no\">Kaposvár</span></h1>");
	}

	@Test
	void theRegisterNamesPartiesAndTitlesInTheReadersScript() {
		String mn = page("/agreements?lang=mn&country=HU");
		assertThat(mn).contains("><span translate=\"no\">Дархан</span> – <span translate=\"no\">Капошвар</span></a>", "<span translate=\"no\">Дархан</span> <span class=\"native-name\" lang=\"mn-Latn\" translate=\"no\">Darkhan</span>")
			.doesNotContain(">Darkhan – Kaposvár</a>", "<span translate=\"no\">Darkhan</span> – ");
		assertThat(page("/agreements?lang=en&country=HU")).contains("><span translate=\"no\">Darkhan</span> – <span translate=\"no\">Kaposvár</span></a>");
		long agreement = this.jdbc.sql("SELECT id FROM agreements WHERE title = 'Darkhan – Kaposvár' ORDER BY id LIMIT 1")
			.query(Long.class).single();
		assertThat(page("/agreements/" + agreement + "?lang=mn")).contains("<h1><span translate=\"no\">Дархан</span> – <span translate=\"no\">Капошвар</span></h1>");
	}

	@Test
	void theSuggestionsHeadingNamesTheMongolianPlaceInCyrillic() {
		long darkhan = place(2031964);
		String mn = page("/municipalities/" + darkhan + "/partners?lang=mn");
		assertThat(mn).containsPattern("<h1>[^<]*Дархан[^<]*</h1>").doesNotContainPattern("<h1>[^<]*Darkhan[^<]*</h1>");
		assertThat(page("/municipalities/" + darkhan + "/partners?lang=en")).containsPattern("<h1>[^<]*Darkhan[^<]*</h1>");
	}

	@Test
	void countryListsFollowEachLanguagesAlphabet() {
		long darkhan = place(2031964);
		for (String lang : List.of("en", "fr", "mn")) {
			Locale locale = Locale.forLanguageTag(lang);
			List<String> register = countryLabels(page("/agreements?lang=" + lang), "name=\"country\"");
			assertThat(register).hasSizeGreaterThan(100).isSortedAccordingTo(DisplayNames.collation(locale));
			List<String> suggestions = countryLabels(page("/municipalities/" + darkhan + "/partners?lang=" + lang), "name=\"country\"");
			assertThat(suggestions).hasSizeGreaterThan(100).isSortedAccordingTo(DisplayNames.collation(locale));
		}
		List<String> fr = countryLabels(page("/municipalities/" + darkhan + "/partners?lang=fr"), "name=\"country\"");
		assertThat(fr.indexOf("Brésil")).isNotNegative().isLessThan(fr.indexOf("Brunei"));
		List<String> mn = countryLabels(page("/agreements?lang=mn"), "name=\"country\"");
		// Өмнөд Солонгос in its place after О and before П, not at the end as in character-code order.
		assertThat(mn.indexOf("Өмнөд Солонгос")).isGreaterThan(mn.indexOf("Орос")).isLessThan(mn.indexOf("Пакистан"));
		List<String> en = countryLabels(page("/agreements?lang=en"), "name=\"country\"");
		assertThat(en.subList(0, 3)).containsExactly("Afghanistan", "Åland Islands", "Albania");
	}

	/** The labels of the checkboxes named so, in the page's order. */
	private static List<String> countryLabels(String html, String nameAttribute) {
		Matcher m = Pattern.compile("<input type=\"checkbox\" " + Pattern.quote(nameAttribute)
				+ " value=\"[^\"]*\"[^>]*>\\s*(?:<[^>]+>)?\\s*([^<]+)<").matcher(html);
		List<String> labels = new ArrayList<>();
		while (m.find()) {
			labels.add(org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1)).strip());
		}
		return labels;
	}
}
