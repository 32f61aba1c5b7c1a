package org.citybridge.learning;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.notice.NoticesHeld;
import org.citybridge.system.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Those who review case studies hear that one waits (administrators, and the staff of the networks
 * its municipalities belong to); its author hears it was approved or sent back; nobody hears of
 * their own act, nor of a change rolled back.
 */
class CaseStudyNoticesIT extends DemoDataIntegrationTest {

	@Autowired
	CaseStudyWriting writing;

	@Autowired
	TransactionTemplate transactions;

	long darkhan;

	long network;

	long networkStaff;

	long otherStaff;

	long admin;

	long author;

	@BeforeEach
	void setUp() {
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		// A network of Darkhan's own, with one staff member; CEMR does not count Darkhan.
		this.network = this.jdbc.sql("""
				INSERT INTO organisations (name, short_name, kind) VALUES (?, ?, 'REGIONAL') RETURNING id
				""").params("Test network " + System.nanoTime(), "TN" + System.nanoTime() % 100000).query(Long.class).single();
		this.jdbc.sql("INSERT INTO organisation_members (organisation_id, municipality_id) VALUES (?, ?)")
			.params(this.network, this.darkhan).update();
		this.networkStaff = this.jdbc.sql("""
				INSERT INTO accounts (email, display_name, password_hash, role, organisation_id, enabled)
				VALUES (?, 'Network staff', '{noop}x', 'STAFF', ?, true) RETURNING id
				""").params("staff-" + System.nanoTime() + "@test.example", this.network).query(Long.class).single();
		this.otherStaff = NoticesHeld.accountId(this.jdbc, AccountTestSupport.STAFF_CEMR);
		this.admin = NoticesHeld.accountId(this.jdbc, AccountTestSupport.ADMIN);
		this.author = NoticesHeld.accountId(this.jdbc, AccountTestSupport.OFFICER_DARKHAN);
		this.jdbc.sql("DELETE FROM notices WHERE account_id IN (?, ?, ?)").params(this.otherStaff, this.admin, this.author)
			.update();
	}

	long write(String title) {
		MvcTestResult result = this.mvc.post().uri("/learn/case-studies/new").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("title", title).param("summary", "Summary")
			.param("body", "Body").param("language", "en").param("themes", "ENERGY_CLIMATE")
			.param("municipalityIds", String.valueOf(this.darkhan)).param("version", "0").exchange();
		assertThat(result).hasStatus3xxRedirection();
		String location = result.getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@Test
	void aSubmittedCaseStudyReachesItsReviewersAndTheVerdictItsAuthor() {
		String title = "Heating notices " + System.nanoTime();
		long id = write(title);
		String submitted = "CASE_STUDY_SUBMITTED|" + title + "|Darkhan|/learn/case-studies/" + id;
		assertThat(NoticesHeld.of(this.jdbc, this.networkStaff)).containsExactly(submitted);
		assertThat(NoticesHeld.of(this.jdbc, this.admin)).containsExactly(submitted);
		assertThat(NoticesHeld.of(this.jdbc, this.otherStaff)).isEmpty();
		assertThat(NoticesHeld.of(this.jdbc, this.author)).isEmpty();

		// A form refused (no title) submits nothing.
		assertThat(this.mvc.post().uri("/learn/case-studies/new").with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("title", "").param("summary", "S").param("body", "B").param("language", "en")
			.param("municipalityIds", String.valueOf(this.darkhan)).param("version", "0")).hasStatusOk();
		assertThat(NoticesHeld.of(this.jdbc, this.admin)).hasSize(1);

		// Sent back: the author hears of it.
		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/reject").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR))).hasStatus3xxRedirection();
		assertThat(NoticesHeld.of(this.jdbc, this.author))
			.containsExactly("CASE_STUDY_REJECTED|" + title + "|/learn/case-studies/" + id);

		// The author's edit sends it back for approval: the reviewers hear of it again.
		long version = this.jdbc.sql("SELECT version FROM case_studies WHERE id = ?").param(id).query(Long.class).single();
		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/edit").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("title", title).param("summary", "Better")
			.param("body", "Body").param("language", "en").param("themes", "ENERGY_CLIMATE")
			.param("municipalityIds", String.valueOf(this.darkhan)).param("version", String.valueOf(version)))
			.hasStatus3xxRedirection();
		assertThat(NoticesHeld.of(this.jdbc, this.admin)).containsExactly(submitted, submitted);

		// An approval rolled back tells nobody.
		Actor staff = ((Actor.Source) this.users.loadUserByUsername(AccountTestSupport.STAFF_CEMR)).actor();
		this.transactions.executeWithoutResult(tx -> {
			this.writing.moderate(staff, "test", id, true);
			tx.setRollbackOnly();
		});
		assertThat(NoticesHeld.of(this.jdbc, this.author)).hasSize(1);

		assertThat(this.mvc.post().uri("/learn/case-studies/" + id + "/approve").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR))).hasStatus3xxRedirection();
		assertThat(NoticesHeld.of(this.jdbc, this.author)).containsExactly(
				"CASE_STUDY_REJECTED|" + title + "|/learn/case-studies/" + id,
				"CASE_STUDY_APPROVED|" + title + "|/learn/case-studies/" + id);
		// Approving it again changes nothing and says nothing.
		this.mvc.post().uri("/learn/case-studies/" + id + "/approve").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.exchange();
		assertThat(NoticesHeld.of(this.jdbc, this.author)).hasSize(2);
		// The staff who acted heard nothing of their own acts.
		assertThat(NoticesHeld.of(this.jdbc, this.otherStaff)).isEmpty();
	}
}
