package org.citybridge.learning;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.municipality.MunicipalityKind;
import org.citybridge.municipality.MunicipalityRecords;
import org.citybridge.municipality.NewMunicipality;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Authors name the municipalities of a case study by name, not by number: a name typed and saved
 * is the municipality it names; a name nobody has, or several have, comes back with a message and
 * the candidates, every other value kept and nothing saved. The preview shows the text as the
 * published page will, saving nothing, and images in the text are announced as not shown.
 */
class CaseStudyNamesIT extends DemoDataIntegrationTest {

	@Autowired
	MunicipalityRecords records;

	long darkhan;

	/** A name two fresh municipalities share, in Mongolia and in France. */
	String twinName;

	long twinMn;

	long twinFr;

	@BeforeEach
	void setUp() {
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		this.twinName = "Twinford" + letters(UUID.randomUUID().toString().substring(0, 8));
		this.twinMn = add(this.twinName, "MN");
		this.twinFr = add(this.twinName, "FR");
	}

	long add(String name, String country) {
		return this.records.add(new NewMunicipality(name, null, null, country, MunicipalityKind.TOWN, null,
				new BigDecimal("47.5"), new BigDecimal("19.0")));
	}

	MockMvcRequestBuilder form(String title, String lang) {
		return form(title, lang, "Kept **body**");
	}

	MockMvcRequestBuilder form(String title, String lang, String body) {
		MockMvcRequestBuilder request = this.mvc.post().uri("/learn/case-studies/new").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("title", title).param("summary", "Kept summary")
			.param("body", body).param("language", "en").param("themes", "GOVERNANCE").param("version", "0");
		return lang == null ? request : request.cookie(new Cookie("citybridge-lang", lang));
	}

	long count(String title) {
		return this.jdbc.sql("SELECT count(*) FROM case_studies WHERE title = ?").param(title).query(Long.class).single();
	}

	List<Long> places(String title) {
		return this.jdbc.sql("""
				SELECT cm.municipality_id FROM case_study_municipalities cm JOIN case_studies cs ON cs.id = cm.case_study_id
				WHERE cs.title = ? ORDER BY cm.municipality_id
				""").param(title).query(Long.class).list();
	}

	static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aNameTypedInAnyScriptIsTheMunicipalityItNamesWhenSaved() {
		String title = "Named in Cyrillic " + UUID.randomUUID();
		assertThat(form(title, null).param("municipalitySearch", "Дархан")).hasStatus3xxRedirection();
		assertThat(places(title)).containsExactly(this.darkhan);
		// Naming one already chosen adds nothing twice.
		String again = "Named again " + UUID.randomUUID();
		assertThat(form(again, null).param("municipalityIds", String.valueOf(this.darkhan)).param("municipalitySearch", "Darkhan"))
			.hasStatus3xxRedirection();
		assertThat(places(again)).containsExactly(this.darkhan);

		String other = "Named twice " + UUID.randomUUID();
		assertThat(form(other, null).param("municipalityIds", String.valueOf(this.darkhan))
			.param("municipalitySearch", this.twinName.toUpperCase())).hasStatusOk();
		assertThat(count(other)).isZero();
	}

	@Test
	void anUnknownNameComesBackWithAMessageAndEveryValueKeptInEachLanguage() {
		String title = "Unknown place " + UUID.randomUUID();
		MvcTestResult en = form(title, null).param("municipalityIds", String.valueOf(this.darkhan))
			.param("municipalitySearch", "Zzqqxxville").exchange();
		assertThat(en).hasStatusOk();
		assertThat(body(en)).contains("No municipality in the directory is called “<bdi lang=\"\">Zzqqxxville</bdi>”.")
			.contains("id=\"municipalitySearch-error\"").contains("value=\"Zzqqxxville\"").contains("value=\"" + title + "\"")
			.contains("Kept summary").contains("Kept **body**").contains("name=\"municipalityIds\" value=\"" + this.darkhan + "\"")
			.contains("<title>Error:");
		assertThat(body(form(title, "mn").param("municipalitySearch", "Zzqqxxville").exchange()))
			.contains("Лавлахад «<bdi lang=\"\">Zzqqxxville</bdi>» нэртэй засаг захиргааны нэгж алга.");
		assertThat(body(form(title, "fr").param("municipalitySearch", "Zzqqxxville").exchange()))
			.contains("Aucune municipalité de l’annuaire ne s’appelle «\u202f<bdi lang=\"\">Zzqqxxville</bdi>\u202f».");
		assertThat(count(title)).isZero();
	}

	@Test
	void anAmbiguousNameOffersTheCandidatesAndAddingOneSavesNothingYet() {
		String title = "Ambiguous place " + UUID.randomUUID();
		MvcTestResult result = form(title, null).param("municipalitySearch", this.twinName).exchange();
		assertThat(result).hasStatusOk();
		assertThat(body(result)).contains("“<bdi lang=\"\">" + this.twinName + "</bdi>” can mean several municipalities")
			.contains("name=\"addMunicipality\" value=\"" + this.twinMn + "\"")
			.contains("name=\"addMunicipality\" value=\"" + this.twinFr + "\"").contains("(Mongolia)").contains("(France)")
			.contains("2 municipalities found");
		assertThat(count(title)).isZero();

		// Choosing one: it is listed as chosen, the search emptied, no message, nothing saved.
		MvcTestResult added = form(title, null).param("municipalitySearch", this.twinName)
			.param("addMunicipality", String.valueOf(this.twinFr)).exchange();
		assertThat(body(added)).contains("name=\"municipalityIds\" value=\"" + this.twinFr + "\"")
			.doesNotContain("name=\"municipalityIds\" value=\"" + this.twinMn + "\"").doesNotContain("field-error")
			.doesNotContain("<title>Error:").contains("value=\"" + title + "\"");
		assertThat(count(title)).isZero();

		assertThat(form(title, null).param("municipalityIds", String.valueOf(this.twinFr))).hasStatus3xxRedirection();
		assertThat(places(title)).containsExactly(this.twinFr);
	}

	@Test
	void theSearchButtonListsCandidatesAndRemoveTakesOneAway() {
		String title = "Searched " + UUID.randomUUID();
		MvcTestResult searched = form(title, null).param("municipalitySearch", this.twinName).param("action", "search")
			.exchange();
		assertThat(body(searched)).contains("municipalities found").doesNotContain("field-error")
			.contains("name=\"addMunicipality\" value=\"" + this.twinMn + "\"")
			.contains("name=\"addMunicipality\" value=\"" + this.twinFr + "\"");
		MvcTestResult removed = form(title, null).param("municipalityIds", String.valueOf(this.darkhan), String.valueOf(this.twinMn))
			.param("removeMunicipality", String.valueOf(this.darkhan)).exchange();
		assertThat(body(removed)).contains("name=\"municipalityIds\" value=\"" + this.twinMn + "\"")
			.doesNotContain("name=\"municipalityIds\" value=\"" + this.darkhan + "\"");
		assertThat(count(title)).isZero();
	}

	@Test
	void thePreviewRendersTheTextAsPublishedKeepsEveryValueAndSavesNothing() {
		String title = "Previewed " + UUID.randomUUID();
		long before = this.jdbc.sql("SELECT count(*) FROM case_studies").query(Long.class).single();
		MvcTestResult preview = form(title, null, "# Plan\n\nA **bold** step. <script>x</script>")
			.param("municipalityIds", String.valueOf(this.darkhan)).param("municipalitySearch", "half typed")
			.param("action", "preview").exchange();
		assertThat(preview).hasStatusOk();
		assertThat(body(preview)).contains("id=\"preview-heading\"").contains("<h3>Plan</h3>")
			.contains("<strong>bold</strong>").contains("&lt;script&gt;").doesNotContain("<script>x")
			.contains("value=\"" + title + "\"").contains("value=\"half typed\"")
			.contains("name=\"municipalityIds\" value=\"" + this.darkhan + "\"").doesNotContain("field-error");
		// Even an empty title is no error in a preview.
		assertThat(body(form("", "fr").param("action", "preview").exchange())).contains("Aperçu").doesNotContain("field-error");
		assertThat(this.jdbc.sql("SELECT count(*) FROM case_studies").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void imagesThatWillNotBeShownAreAnnouncedNextToTheTextAndOnTheAuthorsPage() throws Exception {
		String title = "With images " + UUID.randomUUID();
		String text = "Before ![Plan of the square](https://example.org/plan.png) and ![photo](photo.jpg).";
		MvcTestResult preview = form(title, null, text).param("action", "preview").exchange();
		assertThat(body(preview)).contains("id=\"body-images\"")
			.contains("The text contains 2 images that will not be shown (https://example.org/plan.png, photo.jpg)")
			.doesNotContain("<img");
		assertThat(body(form(title, "mn", text).param("action", "preview").exchange()))
			.contains("Текстэд 2 зураг байгаа бөгөөд харагдахгүй");
		assertThat(body(form(title, null, "No pictures.").param("action", "preview").exchange()))
			.doesNotContain("id=\"body-images\"");

		MvcTestResult saved = form(title, null, text).exchange();
		assertThat(saved).hasStatus3xxRedirection();
		String page = saved.getResponse().getRedirectedUrl();
		assertThat(this.mvc.get().uri(page).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk().bodyText()
			.contains("The text contains 2 images that will not be shown");
		// Readers of the published page are not told about the author's images.
		assertThat(this.mvc.post().uri(page + "/approve").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri(page)).hasStatusOk().bodyText().contains("Before").doesNotContain("<img")
			.doesNotContain("images that will not be shown");
	}

	/** Hexadecimal digits as letters (0 to g, 9 to p), so that a fresh name stays one word and unique. */
	static String letters(String hex) {
		StringBuilder name = new StringBuilder();
		hex.chars().forEach(c -> name.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : (char) c));
		return name.toString();
	}
}
