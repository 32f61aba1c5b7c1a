package org.citybridge.learning;

import java.nio.charset.StandardCharsets;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.system.files.AttachmentType;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.system.HostilePdfs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.GHENT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Case studies as people use them: an officer writes one, nobody but its author and staff can see
 * it until staff approve it, then it is public, searchable in its own language and by its cities
 * and themes, and listed on the profiles of the municipalities involved.
 */
class CaseStudiesIT extends DemoDataIntegrationTest {

	long darkhan;

	long ghent;

	@BeforeEach
	void setUp() {
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		this.ghent = AccountTestSupport.municipalityId(this.context, GHENT);
	}

	long write(String email, String title, String body, String language, String theme, String municipalities) {
		MvcTestResult result = this.mvc.post().uri("/learn/case-studies/new").with(csrf()).with(as(email))
			.param("title", title).param("summary", "Summary of " + title).param("body", body).param("language", language)
			.param("themes", theme).param("municipalityIds", ids(municipalities)).param("version", "0").exchange();
		assertThat(result).hasStatus3xxRedirection();
		String location = result.getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	/** The ids of a list such as "12, 14", as the form's hidden fields send them. */
	static String[] ids(String list) {
		return list.isBlank() ? new String[] { "" } : list.strip().split("[,\\s]+");
	}

	void approve(long id) {
		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/approve").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatus3xxRedirection();
	}

	@Test
	void anUnapprovedCaseStudyIsInvisibleToThePublicUntilStaffApproveIt() {
		long id = write(AccountTestSupport.OFFICER_DARKHAN, "Winter heating partnerships", "District heating **pilot**.", "en",
				"ENERGY_CLIMATE", this.darkhan + ", " + this.ghent);
		assertThat(this.mvc.get().uri("/learn/case-studies/" + id)).hasStatus(404);
		assertThat(this.mvc.get().uri("/learn/case-studies/" + id).with(as(AccountTestSupport.OFFICER_GHENT))).hasStatus(404);
		assertThat(this.mvc.get().uri("/learn/case-studies/" + id).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk()
			.bodyText().contains("waiting for approval").contains("<strong>pilot</strong>");
		assertThat(this.mvc.get().uri("/learn/case-studies/" + id).with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk();
		assertThat(this.mvc.get().uri("/learn/case-studies?q=heating")).hasStatusOk().bodyText().doesNotContain("Winter heating");
		assertThat(this.mvc.get().uri("/municipalities/" + this.darkhan)).hasStatusOk().bodyText().doesNotContain("Winter heating");
		assertThat(this.mvc.get().uri("/learn")).hasStatusOk().bodyText().doesNotContain("Winter heating");

		// An officer cannot approve, not even their own.
		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/approve").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus(403);
		assertThat(this.mvc.get().uri("/learn/case-studies/" + id)).hasStatus(404);

		approve(id);
		assertThat(this.mvc.get().uri("/learn/case-studies/" + id)).hasStatusOk().bodyText().contains("Winter heating partnerships");
		assertThat(this.mvc.get().uri("/municipalities/" + this.ghent)).hasStatusOk().bodyText()
			.contains("id=\"case-studies-heading\"").contains("Winter heating partnerships");
		// Published: its author no longer edits it; staff still can.
		assertThat(this.mvc.get().uri("/learn/case-studies/" + id + "/edit").with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/learn/case-studies/" + id + "/edit").with(as(AccountTestSupport.STAFF_CEMR)))
			.hasStatusOk();

		// Sent back: invisible again.
		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/reject").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR)))
			.hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/learn/case-studies/" + id)).hasStatus(404);
	}

	@Test
	void publishedCaseStudiesAreFoundInTheirOwnLanguageAndByCityAndTheme() {
		long english = write(AccountTestSupport.OFFICER_DARKHAN, "Bus network redesign", "We redesigned the buses and partnered with Ghent.",
				"en", "MOBILITY", String.valueOf(this.darkhan));
		long french = write(AccountTestSupport.OFFICER_GHENT, "Coopération sur les déchets", "Les villes partenaires ont trié leurs déchets ménagers.",
				"fr", "WASTE", String.valueOf(this.ghent));
		long mongolian = write(AccountTestSupport.OFFICER_DARKHAN, "Усны хангамж", "Хотын усны хангамжийг сайжруулсан туршлага.",
				"mn", "WATER_SANITATION", String.valueOf(this.darkhan));
		approve(english);
		approve(french);
		approve(mongolian);
		// English stemming: "partnerships" finds "partnered"? No: "redesigning" finds "redesigned".
		assertThat(this.mvc.get().uri("/learn/case-studies?q=redesigning")).hasStatusOk().bodyText().contains("Bus network redesign")
			.doesNotContain("Coopération sur les déchets");
		// French stemming: "ménager" finds "ménagers".
		assertThat(this.mvc.get().uri("/learn/case-studies?q=ménager")).hasStatusOk().bodyText().contains("Coopération sur les déchets");
		// Mongolian: by stems (see below).
		assertThat(this.mvc.get().uri("/learn/case-studies?q=хангамж")).hasStatusOk().bodyText().contains("Усны хангамж");
		// Cities in any spelling, themes in any of the portal's languages.
		assertThat(this.mvc.get().uri("/learn/case-studies?q=Дархан")).hasStatusOk().bodyText().contains("Bus network redesign")
			.contains("Усны хангамж").doesNotContain("Coopération sur les déchets");
		assertThat(this.mvc.get().uri("/learn/case-studies?q=Gent")).hasStatusOk().bodyText().contains("Coopération sur les déchets");
		assertThat(this.mvc.get().uri("/learn/case-studies?q=Mobility")).hasStatusOk().bodyText().contains("Bus network redesign");
		assertThat(this.mvc.get().uri("/learn/case-studies?theme=WASTE")).hasStatusOk().bodyText()
			.contains("Coopération sur les déchets").doesNotContain("Bus network redesign");
		assertThat(this.mvc.get().uri("/learn/case-studies?municipality=" + this.ghent)).hasStatusOk().bodyText()
			.contains("Coopération sur les déchets").doesNotContain("Усны хангамж");
	}

	/**
	 * Issue 20: accents do not count in French and English, and a Mongolian word is found whatever
	 * ending it carries, both ways (the base form finds the inflected one and the reverse).
	 */
	@Test
	void unaccentedFrenchWordsAndInflectedMongolianWordsFindTheirCaseStudies() {
		long french = write(AccountTestSupport.OFFICER_GHENT, "Rénovation thermique d’une école",
				"Les élèves de l’école primaire ont économisé l’énergie.", "fr", "ENERGY_CLIMATE", String.valueOf(this.ghent));
		long mongolian = write(AccountTestSupport.OFFICER_DARKHAN, "Сургуулийн эрчим хүчний хэмнэлт",
				"Хотын сургуульд дулааны хэмнэлтийн төслийг усны хангамжтай хамт хэрэгжүүлсэн.", "mn", "ENERGY_CLIMATE",
				String.valueOf(this.darkhan));
		try {
			approve(french);
			approve(mongolian);
			for (String q : new String[] { "ecole", "renovation", "ECOLE", "economiser", "école" }) {
				assertThat(this.mvc.get().uri("/learn/case-studies").param("q", q)).as(q).hasStatusOk().bodyText()
					.contains("Rénovation thermique");
			}
			for (String q : new String[] { "сургууль", "хэмнэлт", "хот", "ус", "дулаан", "төсөл", "хангамж", "эрчим",
					"сургуулиас", "хэмнэлтээр", "хотод" }) {
				assertThat(this.mvc.get().uri("/learn/case-studies").param("q", q)).as(q).hasStatusOk().bodyText()
					.contains("Сургуулийн эрчим хүчний хэмнэлт");
			}
			// Stems stay apart where words differ: хог (waste) is not хот (city), гэр (home) not гэрээ.
			for (String q : new String[] { "хог", "гэр", "ecoles municipales lointaines" }) {
				assertThat(this.mvc.get().uri("/learn/case-studies").param("q", q)).as(q).hasStatusOk().bodyText()
					.doesNotContain("Сургуулийн эрчим хүчний хэмнэлт").doesNotContain("Rénovation thermique");
			}
		}
		finally {
			this.jdbc.sql("DELETE FROM case_studies WHERE id IN (:ids)").param("ids", java.util.List.of(french, mongolian)).update();
		}
	}

	/**
	 * The recall of the Mongolian stems on real inflected forms (docs/benchmarks.md, "Case-study
	 * search"): a base form finds the inflected one and the reverse. Word for word ('simple', before
	 * issue 20) found none of them.
	 */
	@Test
	void mongolianStemsMeetAcrossCaseEndingsOnAListOfRealForms() {
		String[][] pairs = { { "сургууль", "сургуулийн" }, { "сургууль", "сургуульд" }, { "сургууль", "сургуулиас" },
				{ "сургууль", "сургуультай" }, { "сургууль", "сургуулиуд" }, { "хэмнэлт", "хэмнэлтийн" }, { "хэмнэлт", "хэмнэлтэд" },
				{ "ус", "усны" }, { "ус", "усанд" }, { "ус", "усаар" }, { "хот", "хотын" }, { "хот", "хотод" }, { "хот", "хотоос" },
				{ "хот", "хотууд" }, { "эрчим", "эрчмийн" }, { "гэрээ", "гэрээний" }, { "гэрээ", "гэрээнд" }, { "гэрээ", "гэрээг" },
				{ "дулаан", "дулааны" }, { "хог", "хогийн" }, { "хаягдал", "хаягдлын" }, { "төсөл", "төслийн" }, { "аймаг", "аймгийн" },
				{ "аймаг", "аймагт" }, { "сум", "сумын" }, { "эмнэлэг", "эмнэлгийн" }, { "байгаль", "байгалийн" },
				{ "нийслэл", "нийслэлд" }, { "гудамж", "гудамжинд" }, { "цэцэрлэг", "цэцэрлэгт" }, { "оюутан", "оюутны" },
				{ "хүүхэд", "хүүхдийн" }, { "тээвэр", "тээврийн" }, { "дүүрэг", "дүүргийн" }, { "газар", "газрын" },
				{ "хороо", "хороонд" }, { "мод", "модыг" }, { "байшин", "байшингийн" }, { "ой", "ойн" } };
		int found = 0;
		for (String[] pair : pairs) {
			boolean both = this.jdbc.sql("SELECT to_tsvector('case_study_simple', mn_stem_words(:form)) @@ case_study_query('mn', :base)"
					+ " AND to_tsvector('case_study_simple', mn_stem_words(:base)) @@ case_study_query('mn', :form)")
				.param("base", pair[0]).param("form", pair[1]).query(Boolean.class).single();
			found += both ? 1 : 0;
		}
		// 37 of 39: байшингийн (-нгийн) and ойн (a two-letter stem) are the known misses.
		assertThat(found).as("pairs found both ways, of " + pairs.length).isGreaterThanOrEqualTo(37);
		// and different words keep different stems
		assertThat(this.jdbc.sql("SELECT count(DISTINCT mn_stem(w)) FROM unnest(ARRAY['хот', 'хог', 'хол', 'хоол', 'хороо', 'гэр',"
				+ " 'гэрээ', 'ус', 'сургалт', 'сургууль', 'зам', 'зах']) w").query(Integer.class).single()).isEqualTo(12);
	}

	@Test
	void aNewCaseStudyIsInThePagesLanguage() {
		for (String language : new String[] { "mn", "fr", "en" }) {
			assertThat(this.mvc.get().uri("/learn/case-studies/new?lang=" + language).with(as(AccountTestSupport.OFFICER_DARKHAN)))
				.as(language).hasStatusOk().bodyText().containsPattern("<option value=\"" + language + "\"[^>]*selected");
		}
	}

	@Test
	void hostileTextIsEscapedAndHostileMarkdownSanitised() throws Exception {
		long id = write(AccountTestSupport.OFFICER_DARKHAN, "<script>alert('t')</script>",
				"<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) [y](data:text/html,hi) <a href=\"javascript:alert(2)\">z</a>",
				"en", "GOVERNANCE", "");
		approve(id);
		String page = this.mvc.get().uri("/learn/case-studies/" + id).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("href=\"javascript:")
			.doesNotContain("href=\"data:").contains("&lt;script&gt;");
	}

	@Test
	void badInputsComeBackAsMessagesNever500() {
		assertThat(this.mvc.post().uri("/learn/case-studies/new").with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("title", "").param("summary", "").param("body", "").param("language", "klingon").param("themes", "NOT_A_THEME")
			.param("municipalityIds", "abc").param("version", "0")).hasStatusOk().bodyText().contains("Enter a title.")
			.contains("Enter the text of the case study.");
		assertThat(this.mvc.post().uri("/learn/case-studies/new").with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("title", "T").param("summary", "S").param("body", "B").param("language", "en").param("themes", "NOT_A_THEME")
			.param("municipalityIds", "").param("version", "0")).hasStatusOk().bodyText().contains("Choose themes from the list.");
		assertThat(this.mvc.post().uri("/learn/case-studies/new").with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("title", "T").param("summary", "S").param("body", "B").param("language", "en")
			.param("municipalityIds", "99999999").param("version", "0")).hasStatusOk().bodyText()
			.contains("One of the municipalities chosen is no longer in the directory.");
		assertThat(this.mvc.post().uri("/learn/case-studies/new").with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("title", "T").param("summary", "S").param("body", "B").param("language", "en")
			.param("municipalityIds", "1", "2", "x").param("version", "0")).hasStatusOk().bodyText()
			.contains("Choose at most 20 municipalities.");
		assertThat(this.mvc.post().uri("/learn/case-studies/new").with(csrf()).param("title", "T")).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/learn/case-studies/abc")).hasStatus(404);
		assertThat(this.mvc.get().uri("/learn/case-studies/99999999")).hasStatus(404);
		assertThat(this.mvc.get().uri("/learn/case-studies/99999999999999999999999")).hasStatus(404);
		assertThat(this.mvc.get().uri("/learn/case-studies?page=-5&theme=%3Cb%3E&municipality=x&q=" + "a".repeat(5000)))
			.hasStatusOk().bodyText().contains("That theme is not in the list");
		assertThat(this.mvc.get().uri("/learn/case-studies?q=%22unbalanced+%26+|+!")).hasStatusOk();
		assertThat(this.mvc.get().uri("/learn/case-studies?page=99999999999999")).hasStatusOk();
		assertThat(this.mvc.post().uri("/learn/case-studies/99999999/approve").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR)))
			.hasStatus(404);
	}

	@Test
	void attachmentsAreCheckedByTheirContentAndFollowTheCaseStudysVisibility() {
		long id = write(AccountTestSupport.OFFICER_DARKHAN, "With files", "Body", "en", "GOVERNANCE", "");
		MockMultipartFile fake = new MockMultipartFile("file", "report.pdf", "application/pdf",
				"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
		MvcTestResult refused = this.mvc.post().uri("/learn/case-studies/" + id + "/attachments").multipart().file(fake)
			.with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN)).exchange();
		assertThat(refused).hasStatus3xxRedirection();
		assertThat(java.util.Map.copyOf(refused.getMvcResult().getFlashMap())).containsEntry("flashError", "learning.attachment.type");
		MockMultipartFile big = new MockMultipartFile("file", "big.pdf", "application/pdf", new byte[AttachmentType.MAX_BYTES + 1]);
		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/attachments").multipart().file(big)
			.with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN)).exchange().getMvcResult().getFlashMap().entrySet())
			.contains(java.util.Map.entry("flashError", "learning.attachment.tooLarge"));
		MockMultipartFile pdf = new MockMultipartFile("file", "../report.pdf", "text/html", HostilePdfs.ordinary(1));
		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/attachments").multipart().file(pdf)
			.with(csrf()).with(as(AccountTestSupport.OFFICER_GHENT))).hasStatus(404);
		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/attachments").multipart().file(pdf)
			.with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus3xxRedirection();
		long attachment = this.jdbc.sql("SELECT id FROM case_study_attachments WHERE case_study_id = ?").param(id).query(Long.class).single();
		String path = "/learn/case-studies/" + id + "/attachments/" + attachment;
		assertThat(this.mvc.get().uri(path)).hasStatus(404);
		assertThat(this.mvc.get().uri(path).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk()
			.hasContentType("application/pdf")
			.satisfies(r -> assertThat(r.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=\"report.pdf\""));
		approve(id);
		assertThat(this.mvc.get().uri(path)).hasStatusOk();
		assertThat(this.mvc.get().uri("/learn/case-studies/" + id + "/attachments/abc")).hasStatus(404);
	}

	/** A PDF attachment is read as the signed agreements are: one that runs JavaScript or inflates to hundreds of megabytes is refused. */
	@Test
	void pdfAttachmentsThatRunJavaScriptOrInflateToHundredsOfMegabytesAreRefusedWithAMessage() {
		long id = write(AccountTestSupport.OFFICER_DARKHAN, "With hostile files", "Body", "en", "GOVERNANCE", "");
		MvcTestResult script = attach(id, "minutes.pdf", HostilePdfs.withDocumentLevelJavaScript());
		assertThat(java.util.Map.copyOf(script.getMvcResult().getFlashMap())).containsEntry("flashError", "learning.attachment.script");
		assertThat(this.mvc.get().uri("/learn/case-studies/" + id).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.flashAttr("flashError", "learning.attachment.script")).hasStatusOk().bodyText().contains("contains JavaScript");
		MvcTestResult bomb = attach(id, "minutes.pdf", HostilePdfs.objectStreamBomb(HostilePdfs.BOMB_INFLATES_TO));
		assertThat(java.util.Map.copyOf(bomb.getMvcResult().getFlashMap())).containsEntry("flashError", "learning.attachment.tooComplex");
		assertThat(this.jdbc.sql("SELECT count(*) FROM case_study_attachments WHERE case_study_id = ?").param(id)
			.query(Long.class).single()).isZero();
	}

	/** A file is offered for download under a name that ends with what it is, whatever name it was uploaded with. */
	@Test
	void downloadedAttachmentsEndWithTheExtensionOfWhatTheyAre() {
		long id = write(AccountTestSupport.OFFICER_DARKHAN, "With a renamed file", "Body", "en", "GOVERNANCE", "");
		assertThat(attach(id, "minutes.html", HostilePdfs.ordinary(1))).hasStatus3xxRedirection();
		long attachment = this.jdbc.sql("SELECT id FROM case_study_attachments WHERE case_study_id = ?").param(id).query(Long.class).single();
		assertThat(this.mvc.get().uri("/learn/case-studies/" + id + "/attachments/" + attachment).with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasStatusOk().hasContentType("application/pdf")
			.satisfies(r -> assertThat(r.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=\"minutes.html.pdf\";"));
	}

	MvcTestResult attach(long id, String name, byte[] content) {
		return this.mvc.post().uri("/learn/case-studies/" + id + "/attachments").multipart()
			.file(new MockMultipartFile("file", name, "application/pdf", content)).with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).exchange();
	}

	@Test
	void staleEditsAreRefusedWithAMessage() {
		long id = write(AccountTestSupport.OFFICER_DARKHAN, "Versioned", "Body", "en", "GOVERNANCE", "");
		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/edit").with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("title", "Versioned 2").param("summary", "S").param("body", "B").param("language", "en").param("version", "0"))
			.hasStatus3xxRedirection();
		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/edit").with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("title", "Versioned 3").param("summary", "S").param("body", "B").param("language", "en").param("version", "0"))
			.hasStatusOk().bodyText().contains("Someone else changed this while you were editing");
		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/edit").with(csrf()).with(as(AccountTestSupport.OFFICER_GHENT))
			.param("title", "Hijack").param("summary", "S").param("body", "B").param("language", "en").param("version", "1"))
			.hasStatus(404);
		assertThat(this.jdbc.sql("SELECT title FROM case_studies WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("Versioned 2");
	}
}
