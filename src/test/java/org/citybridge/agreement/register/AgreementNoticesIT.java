package org.citybridge.agreement.register;

import java.util.List;
import java.util.Set;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.agreement.AgreementFixtures;
import org.citybridge.agreement.AgreementSource;
import org.citybridge.agreement.AgreementType;
import org.citybridge.agreement.Agreements;
import org.citybridge.notice.Followable;
import org.citybridge.notice.NoticesHeld;
import org.citybridge.system.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The officers of an agreement's municipalities, and those who follow it or one of its
 * municipalities, hear once that it was registered (by every path), verified or ended; the person
 * who did it does not; nothing is announced for a change refused or rolled back.
 */
class AgreementNoticesIT extends DemoDataIntegrationTest {

	@Autowired
	Agreements agreements;

	@Autowired
	TransactionTemplate transactions;

	AgreementFixtures fixtures;

	long a;

	long b;

	long officerA;

	long officerB;

	long staff;

	@BeforeEach
	void setUp() {
		this.fixtures = new AgreementFixtures(this.jdbc);
		this.a = this.fixtures.municipality("Noticed A", "BE");
		this.b = this.fixtures.municipality("Noticed B", "MN");
		this.officerA = NoticesHeld.officer(this.jdbc, this.a);
		this.officerB = NoticesHeld.officer(this.jdbc, this.b);
		this.staff = NoticesHeld.accountId(this.jdbc, AccountTestSupport.STAFF_CEMR);
		// Other tests of the run tell CEMR's staff of other things (case studies to review).
		this.jdbc.sql("DELETE FROM notices WHERE account_id = ?").param(this.staff).update();
	}

	private String title() {
		return this.jdbc.sql("SELECT name FROM municipalities WHERE id = ?").param(this.a).query(String.class).single()
				+ " – " + this.jdbc.sql("SELECT name FROM municipalities WHERE id = ?").param(this.b).query(String.class).single();
	}

	private Actor staffActor() {
		return ((Actor.Source) this.users.loadUserByUsername(AccountTestSupport.STAFF_CEMR)).actor();
	}

	MockMvcRequestBuilder save(String uri, String title, String status, long version) {
		return this.mvc.post().uri(uri).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR)).param("type", "FRIENDSHIP")
			.param("title", title).param("status", status).param("version", String.valueOf(version))
			.param("action", "save").param("partyIds", String.valueOf(this.a), String.valueOf(this.b));
	}

	@Test
	void aPublicListEntryIsAnnouncedToBothSidesOfficersAndFollowersOnceAndItsVerificationToo() {
		long follower = NoticesHeld.delegate(this.jdbc);
		// Following both municipalities still makes one notice.
		NoticesHeld.follow(this.jdbc, follower, Followable.MUNICIPALITY, this.a);
		NoticesHeld.follow(this.jdbc, follower, Followable.MUNICIPALITY, this.b);
		// The staff member who verifies it follows it too, and still hears nothing of their own act.
		NoticesHeld.follow(this.jdbc, this.staff, Followable.MUNICIPALITY, this.a);
		long id = this.agreements.registerFromPublicList(AgreementType.SISTER_CITY, Set.of(this.a, this.b),
				AgreementSource.wikipedia("A – B")).agreementId();
		String registered = "AGREEMENT_REGISTERED|" + title() + "|/agreements/" + id;
		for (long account : List.of(this.officerA, this.officerB, follower)) {
			assertThat(NoticesHeld.of(this.jdbc, account)).containsExactly(registered);
		}
		assertThat(NoticesHeld.count(this.jdbc, "AGREEMENT_REGISTERED", "/agreements/" + id)).isEqualTo(4L);

		// Registering the pair again adds nothing and announces nothing.
		this.agreements.registerFromPublicList(AgreementType.SISTER_CITY, Set.of(this.a, this.b),
				AgreementSource.wikipedia("B – A"));
		assertThat(NoticesHeld.count(this.jdbc, "AGREEMENT_REGISTERED", "/agreements/" + id)).isEqualTo(4L);

		long agreementFollower = NoticesHeld.delegate(this.jdbc);
		NoticesHeld.follow(this.jdbc, agreementFollower, Followable.AGREEMENT, id);
		// A verification rolled back announces nothing.
		this.transactions.executeWithoutResult(tx -> {
			this.agreements.verify(id, staffActor(), "test");
			tx.setRollbackOnly();
		});
		assertThat(NoticesHeld.count(this.jdbc, "AGREEMENT_VERIFIED", "/agreements/" + id)).isZero();

		assertThat(this.mvc.post().uri("/agreements/" + id + "/verify").with(as(AccountTestSupport.STAFF_CEMR)).with(csrf()))
			.hasStatus3xxRedirection();
		String verified = "AGREEMENT_VERIFIED|" + title() + "|/agreements/" + id;
		for (long account : List.of(this.officerA, this.officerB, follower, agreementFollower)) {
			assertThat(NoticesHeld.of(this.jdbc, account)).containsOnlyOnce(verified);
		}
		// The verifier, who follows A, heard of its registration by the import, not of their own verification.
		assertThat(NoticesHeld.of(this.jdbc, this.staff)).containsExactly(registered);
		// Verifying again changes nothing, and says nothing.
		this.agreements.verify(id, staffActor(), "test");
		assertThat(NoticesHeld.count(this.jdbc, "AGREEMENT_VERIFIED", "/agreements/" + id)).isEqualTo(4);
		// An officer may not verify: refused, and nothing announced.
		assertThat(this.mvc.post().uri("/agreements/" + id + "/verify").with(as(AccountTestSupport.OFFICER_DARKHAN))
			.with(csrf())).hasStatus(403);
		assertThat(NoticesHeld.count(this.jdbc, "AGREEMENT_VERIFIED", "/agreements/" + id)).isEqualTo(4);
	}

	@Test
	void theFormAnnouncesARegistrationAndAnEndButNotAStaleEdit() {
		assertThat(save("/agreements/new", "Noticed friendship", "ACTIVE", 0)).hasStatus3xxRedirection();
		long id = this.jdbc.sql("SELECT id FROM agreements WHERE party_key = ? AND type = 'FRIENDSHIP'")
			.param(new Long[] { Math.min(this.a, this.b), Math.max(this.a, this.b) }).query(Long.class).single();
		assertThat(NoticesHeld.of(this.jdbc, this.officerA))
			.containsExactly("AGREEMENT_REGISTERED|Noticed friendship|/agreements/" + id);
		assertThat(NoticesHeld.of(this.jdbc, this.staff)).isEmpty();

		// A stale edit that would end it is refused: nothing ended, nothing announced.
		assertThat(save("/agreements/" + id + "/edit", "Noticed friendship", "ENDED", 7)).hasStatusOk().bodyText()
			.contains("Someone saved this agreement");
		assertThat(NoticesHeld.count(this.jdbc, "AGREEMENT_ENDED", "/agreements/" + id)).isZero();

		assertThat(save("/agreements/" + id + "/edit", "Noticed friendship", "ENDED", 0)).hasStatus3xxRedirection();
		for (long account : List.of(this.officerA, this.officerB)) {
			assertThat(NoticesHeld.of(this.jdbc, account)).containsExactly(
					"AGREEMENT_REGISTERED|Noticed friendship|/agreements/" + id,
					"AGREEMENT_ENDED|Noticed friendship|/agreements/" + id);
		}
		// Saving the ended agreement again does not end it twice.
		assertThat(save("/agreements/" + id + "/edit", "Noticed friendship", "ENDED", 1)).hasStatus3xxRedirection();
		assertThat(NoticesHeld.count(this.jdbc, "AGREEMENT_ENDED", "/agreements/" + id)).isEqualTo(2);
	}

	@Test
	void anImportAnnouncesEachNewAgreementAndNothingWhenItFails() {
		long c = this.fixtures.municipality("Nobody signed in", "FR");
		List<Agreements.Registration> done = this.agreements.registerAllFromPublicList(AgreementType.SISTER_CITY,
				List.of(new Agreements.Listed(Set.of(this.a, this.b), AgreementSource.wikipedia("A – B")),
						new Agreements.Listed(Set.of(this.a, c), AgreementSource.wikipedia("A – C"))),
				staffActor(), "test");
		assertThat(NoticesHeld.of(this.jdbc, this.officerA)).hasSize(2)
			.allMatch(n -> n.startsWith("AGREEMENT_REGISTERED|"))
			.anyMatch(n -> n.endsWith("/agreements/" + done.get(1).agreementId()));
		assertThat(NoticesHeld.of(this.jdbc, this.officerB))
			.containsExactly("AGREEMENT_REGISTERED|" + title() + "|/agreements/" + done.get(0).agreementId());

		long d = this.fixtures.municipality("Rolled back", "FR");
		assertThatThrownBy(() -> this.agreements.registerAllFromPublicList(AgreementType.SISTER_CITY,
				List.of(new Agreements.Listed(Set.of(this.b, d), AgreementSource.wikipedia("B – D")),
						new Agreements.Listed(Set.of(this.b, 999_999_999L), AgreementSource.wikipedia("B – nowhere"))),
				staffActor(), "test")).isNotNull();
		assertThat(NoticesHeld.of(this.jdbc, this.officerB)).hasSize(1);
	}
}
