package org.citybridge.agreement.activities;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.agreement.AgreementRepository;
import org.citybridge.audit.AuditLog;
import org.citybridge.notice.Notices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.KAPOSVAR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Darkhan's officer answers a check-in by recording a study visit to Kaposvár: it appears on the
 * agreement's timeline, on Darkhan's profile, in the register's "active in the last 2 years"
 * filter, in the statistics, in the open data files and in the feeds.
 */
class ActivityJourneyIT extends DemoDataIntegrationTest {

	@Autowired
	Notices notices;

	@Autowired
	AgreementRepository agreements;

	@Autowired
	AuditLog audit;

	@Autowired
	PlatformTransactionManager transactions;

	long darkhan;

	long kaposvar;

	long agreement;

	@BeforeEach
	void setUp() {
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		this.kaposvar = AccountTestSupport.municipalityId(this.context, KAPOSVAR);
		this.context.getBean(org.citybridge.agreement.AgreementDemoData.class).load();
		this.agreement = this.jdbc.sql("SELECT id FROM agreements WHERE party_key = ARRAY[?, ?]::bigint[] AND status <> 'ENDED'")
			.params(Math.min(this.darkhan, this.kaposvar), Math.max(this.darkhan, this.kaposvar))
			.query(Long.class).single();
		this.jdbc.sql("DELETE FROM agreement_activities WHERE agreement_id = ?").param(this.agreement).update();
		this.jdbc.sql("DELETE FROM agreement_check_ins WHERE agreement_id = ?").param(this.agreement).update();
		this.jdbc.sql("UPDATE agreements SET signed_on = ?, status = 'ACTIVE' WHERE id = ?")
			.params(LocalDate.now(ZoneOffset.UTC).minusYears(6), this.agreement).update();
	}

	String get(String uri, String language) throws Exception {
		return this.mvc.get().uri(uri).header("Accept-Language", language).exchange().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void darkhansOfficerAnswersACheckInWithAStudyVisitToKaposvar() throws Exception {
		String title = "Study visit to the water works of Kaposvár";
		// Before: the imported partnership says who can add what the partners did, and the filter leaves it out.
		assertThat(get("/agreements/" + this.agreement, "en")).contains("No recorded activity yet");
		assertThat(get("/agreements?active=2&size=100&country=HU&country=MN", "en")).doesNotContain("/agreements/" + this.agreement + "\"");
		new CheckIns(this.jdbc, this.notices, this.agreements, this.audit, this.transactions,
				Clock.fixed(java.time.Instant.now(), ZoneOffset.UTC)).round();
		assertThat(this.mvc.post().uri("/agreements/" + this.agreement + "/check-in").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("answer", "ALIVE")).hasStatus3xxRedirection();
		String form = this.mvc.get().uri("/agreements/" + this.agreement + "/activities/new?kind=STUDY_VISIT")
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("Record an activity", "Study visit");
		String visited = LocalDate.now(ZoneOffset.UTC).minusMonths(2).toString();
		assertThat(this.mvc.post().uri("/agreements/" + this.agreement + "/activities/new").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("kind", "STUDY_VISIT").param("title", title)
			.param("startsOn", visited).param("placeId", String.valueOf(this.kaposvar)).param("participants", "8")
			.param("themes", "WATER_SANITATION").param("outcome", "=cmd|' /C calc'!A0 and a plan for leaks"))
			.hasStatus3xxRedirection();

		// The agreement's timeline and Darkhan's profile, in English and Mongolian.
		assertThat(get("/agreements/" + this.agreement, "en")).contains(title, "Study visit").doesNotContain("No recorded activity yet");
		assertThat(get("/agreements/" + this.agreement, "mn")).contains(title, "Туршлага судлах айлчлал");
		assertThat(get("/municipalities/" + this.darkhan, "en")).contains("Timeline of partnerships", title);
		assertThat(get("/municipalities/" + this.darkhan, "mn")).contains("Түншлэлүүдийн он цагийн хэлхээс", title);
		// The register's "active in the last 2 years" filter, and the statistics.
		assertThat(get("/agreements?active=2&size=100&country=HU&country=MN", "en")).contains("/agreements/" + this.agreement + "\"");
		assertThat(get("/agreements/stats?active=2", "en")).contains("Activities per year", "Activities per pair of countries");

		// Open data: CSV (formulas neutralised), JSON, GeoJSON with the place, and the feeds.
		String csv = get("/activities.csv?municipality=" + this.darkhan, "en");
		assertThat(csv).startsWith("id,agreement_id,kind,title").contains(title, "STUDY_VISIT", "'=cmd");
		String json = get("/activities.json", "en");
		assertThat(json).contains("\"licence\":\"CC BY 4.0", "\"title\":\"" + title.replace("'", "'") + "\"");
		String geojson = get("/activities.geojson?municipality=" + this.kaposvar, "en");
		assertThat(geojson).contains("\"type\":\"Point\"", "\"place_id\":" + this.kaposvar);
		assertThat(get("/activities.atom", "en")).contains("<title xml:lang=\"en\">" + title.replace("'", "&apos;").replace("&apos;", "'"));
		assertThat(get("/municipalities/" + this.darkhan + "/activities.atom", "en")).contains(title, "STUDY_VISIT");
		assertThat(this.mvc.get().uri("/municipalities/987654321/activities.atom")).hasStatus(404);
		assertThat(get("/open-data", "en")).contains("/activities.csv", "Columns of the activity files");
	}

	/**
	 * "Active in the last 2 years" reads the last day of activity the agreement keeps (V96): it
	 * follows an activity recorded, moved and removed, whoever writes it.
	 */
	@Test
	void theRegistersActiveFilterFollowsActivitiesRecordedMovedAndRemoved() throws Exception {
		String listed = "/agreements/" + this.agreement + "\"";
		String register = "/agreements?active=2&size=100&country=HU&country=MN";
		LocalDate recent = LocalDate.now(ZoneOffset.UTC).minusMonths(3);
		long activity = this.jdbc.sql("""
				INSERT INTO agreement_activities (agreement_id, kind, title, starts_on, participants)
				VALUES (?, 'JOINT_EVENT', 'Naadam in Kaposvár', ?, 12) RETURNING id""")
			.params(this.agreement, recent)
			.query(Long.class)
			.single();
		assertThat(get(register, "en")).contains(listed);
		// Moved back four years: no longer a sign of life in the last two.
		this.jdbc.sql("UPDATE agreement_activities SET starts_on = ? WHERE id = ?")
			.params(recent.minusYears(4), activity)
			.update();
		assertThat(get(register, "en")).doesNotContain(listed);
		// An end day within the two years counts again; removing the activity takes it away.
		this.jdbc.sql("UPDATE agreement_activities SET ends_on = ? WHERE id = ?").params(recent, activity).update();
		assertThat(get(register, "en")).contains(listed);
		this.jdbc.sql("DELETE FROM agreement_activities WHERE id = ?").param(activity).update();
		assertThat(get(register, "en")).doesNotContain(listed);
		assertThat(this.jdbc.sql("SELECT last_activity_on IS NULL FROM agreements WHERE id = ?").param(this.agreement)
			.query(Boolean.class).single()).isTrue();
	}
}
