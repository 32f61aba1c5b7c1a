package org.citybridge.agreement.activities;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.agreement.AgreementFixtures;
import org.citybridge.agreement.AgreementPolicy;
import org.citybridge.agreement.AgreementRepository;
import org.citybridge.agreement.AgreementType;
import org.citybridge.audit.AuditLog;
import org.citybridge.notice.Notices;
import org.citybridge.system.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.GHENT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The yearly check-in and the "dormant?" list, with fixed clocks, on PostgreSQL. */
class CheckInsIT extends DemoDataIntegrationTest {

	@Autowired
	Notices notices;

	@Autowired
	AgreementRepository agreements;

	@Autowired
	AgreementPolicy policy;

	@Autowired
	AuditLog audit;

	@Autowired
	PlatformTransactionManager transactions;

	AgreementFixtures fixtures;

	long darkhan;

	long ghent;

	LocalDate today = LocalDate.now(ZoneOffset.UTC);

	@BeforeEach
	void setUp() {
		this.fixtures = new AgreementFixtures(this.jdbc);
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		this.ghent = AccountTestSupport.municipalityId(this.context, GHENT);
		this.jdbc.sql("DELETE FROM agreements WHERE type = 'MEMORANDUM' AND party_key = ARRAY[?, ?]::bigint[]")
			.params(Math.min(this.darkhan, this.ghent), Math.max(this.darkhan, this.ghent)).update();
	}

	CheckIns checkIns(LocalDate on) {
		return new CheckIns(this.jdbc, this.notices, this.agreements, this.audit, this.transactions, clock(on));
	}

	Dormancy dormancy(LocalDate on) {
		return new Dormancy(this.jdbc, this.policy, this.audit, clock(on));
	}

	static Clock clock(LocalDate on) {
		return Clock.fixed(on.atTime(6, 15).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
	}

	long agreementSignedOn(LocalDate signedOn) {
		long id = this.fixtures.agreement(AgreementType.MEMORANDUM, "ACTIVE", this.darkhan, this.ghent);
		this.jdbc.sql("UPDATE agreements SET signed_on = ? WHERE id = ?").params(signedOn, id).update();
		return id;
	}

	long questions(long agreementId) {
		return this.jdbc.sql("SELECT count(*) FROM agreement_check_ins WHERE agreement_id = ? AND municipality_id IS NOT NULL")
			.param(agreementId).query(Long.class).single();
	}

	long noticesTo(String email, long agreementId) {
		return this.jdbc.sql("""
				SELECT count(*) FROM notices n JOIN accounts a ON a.id = n.account_id
				WHERE a.email = ? AND n.kind = 'CHECK_IN' AND n.link = ?
				""").params(email, "/agreements/" + agreementId + "/check-in").query(Long.class).single();
	}

	@Test
	void eachPartyIsAskedOnceAYearAndNotAgainAfterAnAnswer() {
		long id = agreementSignedOn(this.today.minusYears(1));
		checkIns(this.today.minusDays(1)).round();
		assertThat(questions(id)).as("before a whole year").isZero();
		checkIns(this.today).round();
		assertThat(questions(id)).isEqualTo(2);
		assertThat(noticesTo(AccountTestSupport.OFFICER_DARKHAN, id)).isEqualTo(1);
		assertThat(noticesTo(AccountTestSupport.OFFICER_GHENT, id)).isEqualTo(1);
		// The same day again (a second instance, a restart), and later that year: nobody is asked twice.
		checkIns(this.today).round();
		checkIns(this.today.plusMonths(3)).round();
		assertThat(questions(id)).isEqualTo(2);
		assertThat(noticesTo(AccountTestSupport.OFFICER_DARKHAN, id)).isEqualTo(1);
		// Darkhan's officer answers in one step: "yes" opens the activity form.
		assertThat(this.mvc.get().uri("/agreements/" + id + "/check-in").with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasStatusOk().bodyText().contains("Yes — here is what we did", "No longer active");
		assertThat(this.mvc.post().uri("/agreements/" + id + "/check-in").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("answer", "ALIVE")).hasStatus3xxRedirection()
			.redirectedUrl().startsWith("/agreements/" + id + "/activities/new?checkIn=");
		// Answered: not asked again that year, nor when a whole year has not passed since the answer.
		assertThat(this.mvc.get().uri("/agreements/" + id + "/check-in").with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasStatusOk().bodyText().contains("There is no open check-in");
		checkIns(this.today.plusMonths(11)).round();
		assertThat(questions(id)).isEqualTo(2);
		// A year after the answer, both parties are asked again, once.
		checkIns(this.today.plusYears(1)).round();
		checkIns(this.today.plusYears(1).plusDays(1)).round();
		assertThat(questions(id)).isEqualTo(4);
		assertThat(noticesTo(AccountTestSupport.OFFICER_DARKHAN, id)).isEqualTo(2);
		assertThat(noticesTo(AccountTestSupport.OFFICER_GHENT, id)).isEqualTo(2);
	}

	@Test
	void onlyTheOfficersOfAPartyAnswer() {
		long id = agreementSignedOn(this.today.minusYears(2));
		checkIns(this.today).round();
		assertThat(this.mvc.get().uri("/agreements/" + id + "/check-in").with(as(AccountTestSupport.STAFF_CEMR)))
			.hasStatus(403);
		long other = this.fixtures.agreement(AgreementType.MEMORANDUM, "ACTIVE", this.ghent,
				this.fixtures.municipality("Strasbourg", "FR"));
		assertThat(this.mvc.post().uri("/agreements/" + other + "/check-in").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("answer", "INACTIVE")).hasStatus(403);
		assertThat(this.jdbc.sql("SELECT count(*) FROM agreement_check_ins WHERE agreement_id IN (?, ?) AND answer IS NOT NULL")
			.params(id, other).query(Long.class).single()).isZero();
	}

	@Test
	void threeSilentYearsPutAPartnershipOnTheDormantListAndStaffDecide() {
		Actor staff = new Actor(1L, Actor.Role.STAFF, null, null);
		long silent = agreementSignedOn(this.today.minusYears(3).minusDays(1));
		assertThat(ids(dormancy(this.today.minusDays(2)).candidates(staff))).doesNotContain(silent);
		List<Dormancy.Candidate> listed = dormancy(this.today).candidates(staff);
		assertThat(ids(listed)).contains(silent);
		Dormancy.Candidate candidate = listed.stream().filter(c -> c.id() == silent).findFirst().orElseThrow();
		assertThat(candidate.lastSign()).isEqualTo(this.today.minusYears(3).minusDays(1));
		assertThat(candidate.proposedByOfficers()).isFalse();
		// An activity two years ago is a sign of life.
		this.jdbc.sql("""
				INSERT INTO agreement_activities (agreement_id, kind, title, starts_on) VALUES (?, 'JOINT_EVENT', 'Festival', ?)
				""").params(silent, this.today.minusYears(2)).update();
		assertThat(ids(dormancy(this.today).candidates(staff))).doesNotContain(silent);
		assertThat(ids(dormancy(this.today.plusYears(1).plusDays(1)).candidates(staff))).contains(silent);
		// Officers answering "no longer active" put it on the list at once, and staff decide it is dormant.
		checkIns(this.today).round();
		assertThat(this.mvc.post().uri("/agreements/" + silent + "/check-in").with(csrf())
			.with(as(AccountTestSupport.OFFICER_GHENT)).param("answer", "INACTIVE")).hasStatus3xxRedirection();
		Dormancy.Candidate proposed = dormancy(this.today).candidates(staff).stream().filter(c -> c.id() == silent)
			.findFirst().orElseThrow();
		assertThat(proposed.proposedByOfficers()).isTrue();
		assertThat(this.mvc.get().uri("/agreements/dormant").with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk()
			.bodyText().contains("Partnerships that may be dormant", "Answered “no longer active” by the officers of");
		assertThat(this.mvc.get().uri("/agreements/dormant").with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus(403);
		assertThat(this.mvc.post().uri("/agreements/dormant/" + silent).with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("decision", "DORMANT")).hasStatus(403);
		assertThat(this.mvc.post().uri("/agreements/dormant/" + silent).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("decision", "DORMANT")).hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("SELECT status FROM agreements WHERE id = ?").param(silent).query(String.class).single())
			.isEqualTo("DORMANT");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM agreement_status_changes WHERE agreement_id = ? AND status = 'DORMANT' AND account_id IS NOT NULL
				""").param(silent).query(Long.class).single()).isEqualTo(1);
		assertThat(ids(dormancy(this.today.plusYears(5)).candidates(staff))).doesNotContain(silent);
		// Deciding again is refused, not a second change.
		assertThat(this.mvc.post().uri("/agreements/dormant/" + silent).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("decision", "KEEP")).hasStatus3xxRedirection().flash().containsEntry("flashError", "dormant.error.decided");
	}

	@Test
	void keepingAPartnershipStartsItsYearAgain() {
		Actor staff = new Actor(1L, Actor.Role.STAFF, null, null);
		long silent = agreementSignedOn(this.today.minusYears(4));
		assertThat(ids(dormancy(this.today).candidates(staff))).contains(silent);
		assertThat(this.mvc.post().uri("/agreements/dormant/" + silent).with(csrf()).with(as(AccountTestSupport.STAFF_NALAS))
			.param("decision", "KEEP")).hasStatus3xxRedirection();
		assertThat(ids(dormancy(this.today).candidates(staff))).doesNotContain(silent);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE entity_type = 'agreement' AND entity_id = ? AND changes::text LIKE '%kept%'")
			.param(String.valueOf(silent)).query(Long.class).single()).isEqualTo(1);
		assertThat(this.mvc.get().uri("/agreements/" + silent)).hasStatusOk().bodyText()
			.contains("Staff kept the partnership as it is");
	}

	long proposals(String email, long agreementId) {
		return this.jdbc.sql("""
				SELECT count(*) FROM notices n JOIN accounts a ON a.id = n.account_id
				WHERE a.email = ? AND n.kind = 'DORMANCY_PROPOSED' AND n.link = ?
				""").params(email, "/agreements/dormant#dormant-" + agreementId).query(Long.class).single();
	}

	@Test
	void noLongerActiveTellsStaffWhoMayDecideAndNobodyElseAndTheirDecisionIsInTheHistory() {
		long id = agreementSignedOn(this.today.minusYears(2));
		checkIns(this.today).round();
		// "Yes" proposes nothing.
		assertThat(this.mvc.post().uri("/agreements/" + id + "/check-in").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("answer", "ALIVE")).hasStatus3xxRedirection();
		assertThat(proposals(AccountTestSupport.ADMIN, id)).isZero();
		assertThat(this.mvc.post().uri("/agreements/" + id + "/check-in").with(csrf())
			.with(as(AccountTestSupport.OFFICER_GHENT)).param("answer", "INACTIVE")).hasStatus3xxRedirection()
			.flash().containsEntry("flash", "activity.checkIn.flash.inactive");
		// Administrators and the staff of a party's network (Ghent is a member of CEMR) hear of it;
		// the staff of an unrelated network, the officers, and the officer who answered do not.
		assertThat(proposals(AccountTestSupport.ADMIN, id)).isEqualTo(1);
		assertThat(proposals(AccountTestSupport.STAFF_CEMR, id)).isEqualTo(1);
		assertThat(proposals(AccountTestSupport.STAFF_NALAS, id)).isZero();
		assertThat(proposals(AccountTestSupport.OFFICER_GHENT, id)).isZero();
		assertThat(proposals(AccountTestSupport.OFFICER_DARKHAN, id)).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM notices WHERE kind = 'DORMANCY_PROPOSED' AND link = ?")
			.param("/agreements/dormant#dormant-" + id).query(Long.class).single())
			.as("nobody but administrators and CEMR's staff").isEqualTo(this.jdbc.sql("""
					SELECT count(*) FROM accounts WHERE enabled AND deleted_at IS NULL AND (role = 'ADMIN'
					  OR (role = 'STAFF' AND organisation_id IN (SELECT organisation_id FROM organisation_members WHERE municipality_id IN (?, ?))))
					""").params(this.darkhan, this.ghent).query(Long.class).single());
		// The notice leads to the proposal, where staff decide.
		assertThat(this.mvc.get().uri("/agreements/dormant").with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk()
			.bodyText().contains("id=\"dormant-" + id + "\"");
		assertThat(this.mvc.get().uri("/notices").with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk().bodyText()
			.contains("The officers of <bdi lang=\"\">Ghent</bdi> answered the yearly check-in of");
		long staff = this.jdbc.sql("SELECT id FROM accounts WHERE email = ?").param(AccountTestSupport.STAFF_CEMR)
			.query(Long.class).single();
		assertThat(this.mvc.post().uri("/agreements/dormant/" + id).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("decision", "DORMANT")).hasStatus3xxRedirection().flash().containsEntry("flash", "dormant.flash.dormant");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM agreement_status_changes WHERE agreement_id = ? AND status = 'DORMANT' AND account_id = ?
				""").params(id, staff).query(Long.class).single()).isEqualTo(1);
		assertThat(this.mvc.get().uri("/agreements/" + id)).hasStatusOk().bodyText()
			.contains("Check-in answered: no longer active", "Status changed to “Dormant”");
	}

	static List<Long> ids(List<Dormancy.Candidate> candidates) {
		return candidates.stream().map(Dormancy.Candidate::id).toList();
	}
}
