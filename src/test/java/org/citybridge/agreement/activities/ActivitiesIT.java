package org.citybridge.agreement.activities;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.agreement.AgreementFixtures;
import org.citybridge.agreement.AgreementType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Who records, edits and removes a partnership's activities, and what the forms refuse, on PostgreSQL. */
class ActivitiesIT extends DemoDataIntegrationTest {

	AgreementFixtures fixtures;

	long darkhan;

	long partner;

	long agreement;

	@BeforeEach
	void setUp() {
		this.fixtures = new AgreementFixtures(this.jdbc);
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		this.partner = this.fixtures.municipality("Kaposvár", "HU");
		this.agreement = this.fixtures.agreement(AgreementType.SISTER_CITY, "ACTIVE", this.darkhan, this.partner);
		this.jdbc.sql("UPDATE agreements SET signed_on = DATE '2015-05-01' WHERE id = ?")
			.param(this.agreement).update();
	}

	MockMvcRequestBuilder post(String uri, String email, String title, String startsOn) {
		MockMvcRequestBuilder request = this.mvc.post().uri(uri).with(csrf()).param("kind", "STUDY_VISIT")
			.param("title", title).param("startsOn", startsOn).param("version", "0");
		return email == null ? request : request.with(as(email));
	}

	String newUri() {
		return "/agreements/" + this.agreement + "/activities/new";
	}

	long count(String title) {
		return this.jdbc.sql("SELECT count(*) FROM agreement_activities WHERE agreement_id = ? AND title = ?")
			.params(this.agreement, title).query(Long.class).single();
	}

	long idOf(String title) {
		return this.jdbc.sql("SELECT id FROM agreement_activities WHERE agreement_id = ? AND title = ?")
			.params(this.agreement, title).query(Long.class).single();
	}

	@Test
	void anOfficerOfAPartyRecordsAnActivityThatTheAgreementsPageShows() {
		assertThat(this.mvc.get().uri(newUri()).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk()
			.bodyText().contains("Record an activity");
		assertThat(post(newUri(), AccountTestSupport.OFFICER_DARKHAN, "Study visit on district heating", "2025-03-10")
			.param("participants", "12").param("themes", "ENERGY_CLIMATE").param("placeId", String.valueOf(this.partner))
			.param("outcome", "A heating plan for two districts.")).hasStatus3xxRedirection();
		assertThat(count("Study visit on district heating")).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE entity_type = 'agreement_activity' AND entity_id = ?")
			.param(String.valueOf(idOf("Study visit on district heating"))).query(Long.class).single()).isEqualTo(1);
		assertThat(this.mvc.get().uri("/agreements/" + this.agreement)).hasStatusOk().bodyText()
			.contains("Study visit on district heating", "A heating plan for two districts.", "12");
	}

	@Test
	void staffMayRecordEditAndRemove() {
		assertThat(post(newUri(), AccountTestSupport.STAFF_CEMR, "Joint project on water", "2024-01-15"))
			.hasStatus3xxRedirection();
		long id = idOf("Joint project on water");
		assertThat(post("/agreements/" + this.agreement + "/activities/" + id + "/edit", AccountTestSupport.STAFF_NALAS,
				"Joint project on clean water", "2024-01-15")).hasStatus3xxRedirection();
		assertThat(count("Joint project on clean water")).isEqualTo(1);
		assertThat(this.mvc.post().uri("/agreements/" + this.agreement + "/activities/" + id + "/remove").with(csrf())
			.with(as(AccountTestSupport.ADMIN)).param("version", "1")).hasStatus3xxRedirection();
		assertThat(count("Joint project on clean water")).isZero();
	}

	@Test
	void nobodyElseMayRecordEditOrRemove() {
		assertThat(post(newUri(), AccountTestSupport.OFFICER_DARKHAN, "Kept", "2024-06-01")).hasStatus3xxRedirection();
		long id = idOf("Kept");
		String edit = "/agreements/" + this.agreement + "/activities/" + id + "/edit";
		String remove = "/agreements/" + this.agreement + "/activities/" + id + "/remove";
		// An officer of a municipality that is not a party.
		assertThat(this.mvc.get().uri(newUri()).with(as(AccountTestSupport.OFFICER_GHENT))).hasStatus(403);
		assertThat(post(newUri(), AccountTestSupport.OFFICER_GHENT, "Intruder", "2024-06-01")).hasStatus(403);
		assertThat(this.mvc.get().uri(edit).with(as(AccountTestSupport.OFFICER_GHENT))).hasStatus(403);
		assertThat(post(edit, AccountTestSupport.OFFICER_GHENT, "Changed", "2024-06-01")).hasStatus(403);
		assertThat(this.mvc.post().uri(remove).with(csrf()).with(as(AccountTestSupport.OFFICER_GHENT)).param("version", "0"))
			.hasStatus(403);
		// Nobody signed in: sent to sign in, nothing written.
		assertThat(post(newUri(), null, "Anonymous", "2024-06-01")).hasStatus3xxRedirection();
		assertThat(this.mvc.post().uri(remove).with(csrf()).param("version", "0")).hasStatus3xxRedirection();
		// Without the CSRF token, even a party's officer is refused.
		assertThat(this.mvc.post().uri(newUri()).with(as(AccountTestSupport.OFFICER_DARKHAN)).param("kind", "TRAINING")
			.param("title", "No token").param("startsOn", "2024-06-01")).hasStatus(403);
		assertThat(count("Intruder") + count("Changed") + count("Anonymous") + count("No token")).isZero();
		assertThat(count("Kept")).isEqualTo(1);
		// Darkhan's officer does not see the links on an agreement Darkhan is not a party to.
		long other = this.fixtures.agreement(AgreementType.FRIENDSHIP, "ACTIVE", this.fixtures.municipality("Ghent", "BE"),
				this.partner);
		assertThat(this.mvc.get().uri("/agreements/" + other).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk()
			.bodyText().doesNotContain("Record an activity");
		assertThat(post("/agreements/" + other + "/activities/new", AccountTestSupport.OFFICER_DARKHAN, "Elsewhere",
				"2024-06-01")).hasStatus(403);
	}

	@Test
	void anEditFromAnOldVersionIsRefusedAndKeepsTheNewerOne() {
		assertThat(post(newUri(), AccountTestSupport.OFFICER_DARKHAN, "Training of planners", "2023-09-01"))
			.hasStatus3xxRedirection();
		long id = idOf("Training of planners");
		String edit = "/agreements/" + this.agreement + "/activities/" + id + "/edit";
		assertThat(post(edit, AccountTestSupport.STAFF_CEMR, "Training of urban planners", "2023-09-01"))
			.hasStatus3xxRedirection();
		// The officer still had version 0 open.
		assertThat(post(edit, AccountTestSupport.OFFICER_DARKHAN, "Training (officer)", "2023-09-01")).hasStatusOk()
			.bodyText().contains("Someone else changed or removed this activity", "Training (officer)");
		assertThat(count("Training of urban planners")).isEqualTo(1);
		assertThat(this.mvc.post().uri("/agreements/" + this.agreement + "/activities/" + id + "/remove").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("version", "0")).hasStatus3xxRedirection()
			.flash().containsEntry("flashError", "activity.error.stale");
		assertThat(count("Training of urban planners")).isEqualTo(1);
	}

	@Test
	void refusesImpossibleValuesNextToTheirFieldsAndKeepsWhatWasTyped() {
		assertThat(post(newUri(), AccountTestSupport.OFFICER_DARKHAN, "Backwards", "2024-05-10").param("endsOn", "2024-05-01"))
			.hasStatusOk().bodyText().contains("must be on or after the start date", "Backwards");
		assertThat(post(newUri(), AccountTestSupport.OFFICER_DARKHAN, "Future", LocalDate.now().plusDays(3).toString()))
			.hasStatusOk().bodyText().contains("cannot be in the future");
		assertThat(post(newUri(), AccountTestSupport.OFFICER_DARKHAN, "Elsewhere", "2024-05-10")
			.param("placeId", String.valueOf(this.fixtures.municipality("Nowhere", "FR")))).hasStatusOk().bodyText()
			.contains("one of the agreement’s parties");
		assertThat(post(newUri(), AccountTestSupport.OFFICER_DARKHAN, "Crowd", "2024-05-10").param("participants", "0"))
			.hasStatusOk().bodyText().contains("between 1 and 100,000");
		assertThat(post(newUri(), AccountTestSupport.OFFICER_DARKHAN, "Garbage", "yesterday").param("participants", "many")
			.param("kind", "PICNIC")).hasStatusOk();
		assertThat(post(newUri(), AccountTestSupport.OFFICER_DARKHAN, "Theme", "2024-05-10").param("themes", "NO_SUCH"))
			.hasStatusOk().bodyText().contains("Choose themes from the list");
		assertThat(post(newUri(), AccountTestSupport.OFFICER_DARKHAN, "", "2024-05-10")).hasStatusOk().bodyText()
			.contains("Give the activity a title");
		assertThat(count("Backwards") + count("Future") + count("Elsewhere") + count("Crowd") + count("Garbage")
				+ count("Theme")).isZero();
	}

	@Test
	void documentsAreCheckedByTheirContentAsCaseStudyAttachmentsAre() throws IOException {
		MockMultipartFile page = new MockMultipartFile("document", "page.pdf", "application/pdf",
				"<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(post(newUri(), AccountTestSupport.OFFICER_DARKHAN, "With a fake PDF", "2024-02-02").multipart()
			.file(page)).hasStatusOk().bodyText().contains("this file is neither");
		assertThat(count("With a fake PDF")).isZero();
		MockMultipartFile pdf = new MockMultipartFile("document", "report.html", "text/html", pdf());
		assertThat(post(newUri(), AccountTestSupport.OFFICER_DARKHAN, "With a report", "2024-02-02").multipart().file(pdf))
			.hasStatus3xxRedirection();
		long id = idOf("With a report");
		long document = this.jdbc.sql("SELECT d.id FROM agreement_activity_documents d WHERE d.activity_id = ?")
			.param(id).query(Long.class).single();
		assertThat(this.mvc.get().uri("/agreements/" + this.agreement + "/activities/" + id + "/documents/" + document))
			.hasStatusOk().hasHeader("Content-Type", "application/pdf")
			.hasHeader("Content-Disposition", "attachment; filename=\"report.html.pdf\"; filename*=UTF-8''report.html.pdf");
	}

	@Test
	void theTimelineIsInDateOrderInThreeLanguages() throws Exception {
		post(newUri(), AccountTestSupport.OFFICER_DARKHAN, "Later joint event", "2022-10-01").exchange();
		post(newUri(), AccountTestSupport.OFFICER_DARKHAN, "Earlier exchange visit", "2018-04-20").exchange();
		this.jdbc.sql("UPDATE agreement_activities SET kind = 'EXCHANGE_VISIT' WHERE title = 'Earlier exchange visit'").update();
		String[][] expected = { { "en", "Agreement signed", "Exchange visit: Earlier exchange visit",
				"Study visit: Later joint event" },
				{ "mn", "Гэрээнд гарын үсэг зурсан", "Харилцан айлчлал: Earlier exchange visit",
						"Туршлага судлах айлчлал: Later joint event" },
				{ "fr", "Accord signé", "Visite d’échange\u202f: Earlier exchange visit", "Visite d’étude\u202f: Later joint event" } };
		for (String[] language : expected) {
			String body = this.mvc.get().uri("/agreements/" + this.agreement).header("Accept-Language", language[0])
				.exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			String timeline = body.substring(body.indexOf("id=\"timeline-heading\""));
			String text = timeline.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
			int signed = text.indexOf(language[1]);
			int earlier = text.indexOf(language[2]);
			int later = text.indexOf(language[3]);
			assertThat(signed).as(language[0] + ": " + text).isNotNegative();
			assertThat(earlier).as(language[0] + ": " + text).isGreaterThan(signed);
			assertThat(later).as(language[0] + ": " + text).isGreaterThan(earlier);
		}
	}

	static byte[] pdf() throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.save(out);
			return out.toByteArray();
		}
	}
}
