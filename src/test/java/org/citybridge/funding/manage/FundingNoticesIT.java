package org.citybridge.funding.manage;

import java.util.List;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.funding.Eligibility;
import org.citybridge.funding.FundingDemoData;
import org.citybridge.funding.FundingFinder;
import org.citybridge.funding.Verdict;
import org.citybridge.notice.Followable;
import org.citybridge.notice.NoticesHeld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.GHENT;
import static org.citybridge.DemoPlaces.NIS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A new call of an instrument reaches the instrument's followers and the officers of the
 * municipalities that may use it (as the finder says), once each; not the staff member who entered
 * it; nobody when the call is refused.
 */
class FundingNoticesIT extends DemoDataIntegrationTest {

	@Autowired
	FundingFinder finder;

	@BeforeEach
	void setUp() {
		this.context.getBean(FundingDemoData.class).load();
	}

	MockMvcRequestBuilder call(String title, String opens, String closes) {
		return this.mvc.post().uri("/funding/taiex/calls/new").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("title", title).param("opens", opens).param("closes", closes).param("zone", "Europe/Brussels")
			.param("budget", "EUR 1").param("url", "https://example.org").param("version", "0");
	}

	boolean mayUse(long municipalityId, String slug) {
		List<Verdict> verdicts = this.finder.forMunicipality(municipalityId);
		return verdicts.stream().anyMatch(v -> v.slug().equals(slug) && v.eligibility() != Eligibility.NOT_ELIGIBLE);
	}

	/** TAIEX is a real instrument of the demo data: other tests read its calls and its followers. */
	@org.junit.jupiter.api.AfterEach
	void leaveTaiexAsTheDemoHasIt() {
		this.jdbc.sql("DELETE FROM funding_calls WHERE title LIKE 'Notice call %'").update();
		this.jdbc.sql("""
				DELETE FROM follows WHERE target_type = 'INSTRUMENT'
				  AND target_id = (SELECT id FROM funding_instruments WHERE slug = 'taiex')
				""").update();
	}

	@Test
	void aNewCallReachesTheOfficersWhoMayUseItAndTheFollowersOnce() {
		String title = "Notice call " + System.nanoTime();
		long follower = NoticesHeld.delegate(this.jdbc);
		long instrument = this.jdbc.sql("SELECT id FROM funding_instruments WHERE slug = 'taiex'").query(Long.class).single();
		String name = this.jdbc.sql("SELECT name FROM funding_instruments WHERE id = ?").param(instrument)
			.query(String.class).single();
		NoticesHeld.follow(this.jdbc, follower, Followable.INSTRUMENT, instrument);
		long staff = NoticesHeld.accountId(this.jdbc, AccountTestSupport.STAFF_CEMR);
		NoticesHeld.follow(this.jdbc, staff, Followable.INSTRUMENT, instrument);

		// Refused (closes before it opens): nothing announced.
		assertThat(call(title, "2030-05-10T09:00", "2030-05-01T17:00")).hasStatusOk();
		assertThat(this.jdbc.sql("SELECT count(*) FROM notices WHERE kind = 'CALL_OPENED' AND args[2] = ?").param(title)
			.query(Long.class).single()).isZero();

		assertThat(call(title, "2030-05-01T09:00", "2030-05-10T17:00")).hasStatus3xxRedirection();
		String notice = "CALL_OPENED|" + name + "|" + title + "|moment:2030-05-10T15:00:00Z Europe/Brussels|/funding/taiex";
		assertThat(NoticesHeld.of(this.jdbc, follower)).containsExactly(notice);
		assertThat(NoticesHeld.of(this.jdbc, staff)).doesNotContain(notice);
		int told = 0;
		for (long place : new long[] { DARKHAN, GHENT, NIS }) {
			long municipality = AccountTestSupport.municipalityId(this.context, place);
			List<Long> officers = this.jdbc.sql("""
					SELECT id FROM accounts WHERE role = 'OFFICER' AND municipality_id = ? AND enabled AND deleted_at IS NULL
					""").param(municipality).query(Long.class).list();
			boolean may = mayUse(municipality, "taiex");
			for (long officer : officers) {
				if (may) {
					assertThat(NoticesHeld.of(this.jdbc, officer)).containsOnlyOnce(notice);
					told++;
				}
				else {
					assertThat(NoticesHeld.of(this.jdbc, officer)).doesNotContain(notice);
				}
			}
		}
		assertThat(told).as("some demo officer may use TAIEX").isPositive();
	}
}
