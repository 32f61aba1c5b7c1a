package org.citybridge.learning;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.agreement.AgreementSource;
import org.citybridge.agreement.AgreementType;
import org.citybridge.agreement.Agreements;
import org.citybridge.municipality.MunicipalityRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Case studies and the agreements they tell about: chosen from the agreements of the case study's
 * municipalities, checked on the server, shown on the case study's page, and listed on the
 * agreement's page once (and only while) the case study is published.
 */
class CaseStudyAgreementsIT extends DemoDataIntegrationTest {

	@Autowired
	Agreements agreements;

	@Autowired
	MunicipalityRecords records;

	/** Fresh municipalities: a Mongolian one, a Belgian one, a French one, and two that nobody else links. */
	long mn;

	long be;

	long fr;

	long other1;

	long other2;

	/** Agreements between mn and be, be and fr, and the two others. */
	long mnBe;

	long beFr;

	long unrelated;

	@BeforeEach
	void setUp() {
		this.mn = municipality("Linkton", "MN");
		this.be = municipality("Linkbeek", "BE");
		this.fr = municipality("Linkville", "FR");
		this.other1 = municipality("Farton", "DE");
		this.other2 = municipality("Farberg", "AT");
		this.mnBe = agreement(this.mn, this.be);
		this.beFr = agreement(this.be, this.fr);
		this.unrelated = agreement(this.other1, this.other2);
	}

	long municipality(String name, String country) {
		return this.jdbc.sql("""
				INSERT INTO municipalities (name, country_code, kind, latitude, longitude)
				VALUES (?, ?, 'TOWN', 47.5, 19.0) RETURNING id
				""").params(name + " " + UUID.randomUUID().toString().substring(0, 8), country).query(Long.class).single();
	}

	long agreement(long a, long b) {
		return this.agreements.registerFromPublicList(AgreementType.SISTER_CITY, Set.of(a, b),
				AgreementSource.wikipedia("test " + a + " – " + b)).agreementId();
	}

	String title(long agreementId) {
		return this.jdbc.sql("SELECT title FROM agreements WHERE id = ?").param(agreementId).query(String.class).single();
	}

	/** The title as a page shows it: each party's name marked up on its own. */
	String shownTitle(long agreementId) {
		return "<span translate=\"no\">" + title(agreementId).replace(" – ", "</span> – <span translate=\"no\">") + "</span>";
	}

	MvcTestResult post(String uri, String email, String title, String municipalities, String version, String... agreementIds) {
		return this.mvc.post().uri(uri).with(csrf()).with(as(email)).param("title", title).param("summary", "Summary")
			.param("body", "Body").param("language", "en").param("municipalityIds", CaseStudiesIT.ids(municipalities)).param("version", version)
			.param("agreements", agreementIds).exchange();
	}

	long write(String title, String municipalities, String... agreementIds) {
		MvcTestResult result = post("/learn/case-studies/new", AccountTestSupport.OFFICER_DARKHAN, title, municipalities, "0",
				agreementIds);
		assertThat(result).hasStatus3xxRedirection();
		String location = result.getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	List<Long> links(long caseStudyId) {
		return this.jdbc.sql("SELECT agreement_id FROM case_study_agreements WHERE case_study_id = ? ORDER BY agreement_id")
			.param(caseStudyId).query(Long.class).list();
	}

	String body(MvcTestResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void linkedAgreementsAreShownOnTheCaseStudyAndTheAgreementListsItOnlyWhilePublished() throws Exception {
		String title = "Linked heating pilot " + UUID.randomUUID();
		// The form offers the agreements of the municipalities named, and no others.
		MvcTestResult form = this.mvc.post().uri("/learn/case-studies/new").with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("title", "").param("municipalityIds", String.valueOf(this.mn), String.valueOf(this.fr)).param("action", "refresh").exchange();
		assertThat(form).hasStatusOk();
		assertThat(body(form)).contains("value=\"" + this.mnBe + "\"").contains("value=\"" + this.beFr + "\"")
			.doesNotContain("value=\"" + this.unrelated + "\"").doesNotContain("Enter a title.");

		long id = write(title, this.mn + ", " + this.fr, String.valueOf(this.mnBe), String.valueOf(this.beFr));
		assertThat(links(id)).containsExactly(this.mnBe, this.beFr);
		assertThat(this.mvc.get().uri("/learn/case-studies/" + id).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk()
			.bodyText().contains("href=\"/agreements/" + this.mnBe + "\"").contains("href=\"/agreements/" + this.beFr + "\"");
		// The edit form shows them ticked.
		assertThat(this.mvc.get().uri("/learn/case-studies/" + id + "/edit").with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasStatusOk().bodyText().containsPattern("value=\"" + this.mnBe + "\"[^>]*checked");

		// Waiting for approval: the agreement's page does not list it, to anyone.
		assertThat(this.mvc.get().uri("/agreements/" + this.mnBe)).hasStatusOk().bodyText().doesNotContain(title);
		assertThat(this.mvc.get().uri("/agreements/" + this.mnBe).with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk()
			.bodyText().doesNotContain(title);

		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/approve").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/agreements/" + this.mnBe)).hasStatusOk().bodyText()
			.contains("id=\"case-studies-heading\"").contains(title).contains("href=\"/learn/case-studies/" + id + "\"");
		assertThat(this.mvc.get().uri("/agreements/" + this.beFr)).hasStatusOk().bodyText().contains(title);
		assertThat(this.mvc.get().uri("/agreements/" + this.unrelated)).hasStatusOk().bodyText()
			.doesNotContain(title).doesNotContain("id=\"case-studies-heading\"");

		// Staff edit the links of a published case study; the agreement that lost it no longer lists it.
		long version = this.jdbc.sql("SELECT version FROM case_studies WHERE id = ?").param(id).query(Long.class).single();
		assertThat(post("/learn/case-studies/" + id + "/edit", AccountTestSupport.STAFF_CEMR, title, this.mn + ", " + this.fr,
				String.valueOf(version), String.valueOf(this.beFr))).hasStatus3xxRedirection();
		assertThat(links(id)).containsExactly(this.beFr);
		assertThat(this.mvc.get().uri("/agreements/" + this.mnBe)).hasStatusOk().bodyText().doesNotContain(title);
		assertThat(this.mvc.get().uri("/agreements/" + this.beFr)).hasStatusOk().bodyText().contains(title);

		// Sent back: gone from the agreement's page.
		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/reject").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR)))
			.hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/agreements/" + this.beFr)).hasStatusOk().bodyText().doesNotContain(title);
	}

	@Test
	void unknownAndUnrelatedAgreementsAreRefusedNextToTheFieldWithTheValuesKept() throws Exception {
		String title = "Refused links " + UUID.randomUUID();
		int before = this.jdbc.sql("SELECT count(*) FROM case_studies WHERE title = ?").param(title).query(Integer.class).single();

		MvcTestResult unknown = post("/learn/case-studies/new", AccountTestSupport.OFFICER_DARKHAN, title,
				String.valueOf(this.mn), "0", String.valueOf(this.mnBe), "999999999");
		assertThat(unknown).hasStatusOk();
		assertThat(body(unknown)).contains("id=\"agreements-error\"").contains("One of the chosen agreements is not in the register.")
			.contains("Number 999999999 (not in the register)").containsPattern("value=\"999999999\"[^>]*checked")
			.containsPattern("value=\"" + this.mnBe + "\"[^>]*checked").contains("value=\"" + title + "\"");

		assertThat(post("/learn/case-studies/new", AccountTestSupport.OFFICER_DARKHAN, title, String.valueOf(this.mn), "0", "abc"))
			.hasStatusOk().bodyText().contains("One of the chosen agreements is not in the register.");

		MvcTestResult unrelated = post("/learn/case-studies/new", AccountTestSupport.OFFICER_DARKHAN, title,
				String.valueOf(this.mn), "0", String.valueOf(this.unrelated));
		assertThat(unrelated).hasStatusOk();
		assertThat(body(unrelated)).contains("id=\"agreements-error\"")
			.contains("Choose only agreements that one of the municipalities named is a party to.")
			.containsPattern("value=\"" + this.unrelated + "\"[^>]*checked").contains(shownTitle(this.unrelated));

		// Municipalities without agreements, or none: an agreement of others is still refused.
		assertThat(post("/learn/case-studies/new", AccountTestSupport.OFFICER_DARKHAN, title, "", "0", String.valueOf(this.mnBe)))
			.hasStatusOk().bodyText().contains("Choose only agreements that one of the municipalities named is a party to.");

		// French and Mongolian messages.
		assertThat(this.mvc.post().uri("/learn/case-studies/new").cookie(new Cookie("citybridge-lang", "fr")).with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("title", title).param("summary", "S").param("body", "B").param("language", "en")
			.param("municipalityIds", String.valueOf(this.mn)).param("version", "0").param("agreements", "999999999"))
			.hasStatusOk().bodyText().contains("L’un des accords choisis n’est pas dans le registre.");
		assertThat(this.mvc.post().uri("/learn/case-studies/new").cookie(new Cookie("citybridge-lang", "mn")).with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("title", title).param("summary", "S").param("body", "B").param("language", "en")
			.param("municipalityIds", String.valueOf(this.mn)).param("version", "0").param("agreements", String.valueOf(this.unrelated)))
			.hasStatusOk().bodyText().contains("Зөвхөн нэрлэсэн засаг захиргааны аль нэг нь тал болсон гэрээг сонгоно уу.");

		assertThat(this.jdbc.sql("SELECT count(*) FROM case_studies WHERE title = ?").param(title).query(Integer.class).single())
			.isEqualTo(before);
	}

	@Test
	void anOfficerOfAnotherMunicipalityCannotChangeTheLinks() {
		long id = write("Guarded links " + UUID.randomUUID(), String.valueOf(this.mn), String.valueOf(this.mnBe));
		// Not theirs, not published: it does not exist for them.
		assertThat(post("/learn/case-studies/" + id + "/edit", AccountTestSupport.OFFICER_GHENT, "Hijack", String.valueOf(this.be),
				"0", String.valueOf(this.beFr))).hasStatus(404);
		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/edit").with(csrf()).with(as(AccountTestSupport.OFFICER_GHENT))
			.param("action", "refresh")).hasStatus(404);
		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/approve").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR)))
			.hasStatus3xxRedirection();
		// Published: readable, still not theirs to edit.
		assertThat(post("/learn/case-studies/" + id + "/edit", AccountTestSupport.OFFICER_GHENT, "Hijack", String.valueOf(this.be),
				"1", String.valueOf(this.beFr))).hasStatus(403);
		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/edit").with(as(AccountTestSupport.OFFICER_GHENT))
			.param("title", "Hijack").param("agreements", String.valueOf(this.beFr))).hasStatus(403);
		assertThat(links(id)).containsExactly(this.mnBe);
	}

	@Test
	void linksSurviveAMergeOfTheMunicipalitiesInvolved() {
		String title = "Merged links " + UUID.randomUUID();
		long id = write(title, String.valueOf(this.mn), String.valueOf(this.mnBe));
		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/approve").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR)))
			.hasStatus3xxRedirection();
		long kept = municipality("Linkton kept", "MN");
		this.records.merge(kept, this.mn);

		assertThat(links(id)).containsExactly(this.mnBe);
		assertThat(this.jdbc.sql("SELECT municipality_id FROM case_study_municipalities WHERE case_study_id = ?").param(id)
			.query(Long.class).list()).containsExactly(kept);
		assertThat(this.mvc.get().uri("/agreements/" + this.mnBe)).hasStatusOk().bodyText().contains(title);
		assertThat(this.mvc.get().uri("/learn/case-studies/" + id)).hasStatusOk().bodyText()
			.contains("href=\"/agreements/" + this.mnBe + "\"");
		// Saved again as it is, the link still passes the check: the agreement's party is now the kept record.
		long version = this.jdbc.sql("SELECT version FROM case_studies WHERE id = ?").param(id).query(Long.class).single();
		assertThat(post("/learn/case-studies/" + id + "/edit", AccountTestSupport.STAFF_CEMR, title, String.valueOf(kept),
				String.valueOf(version), String.valueOf(this.mnBe))).hasStatus3xxRedirection();
		assertThat(links(id)).containsExactly(this.mnBe);
	}
}
