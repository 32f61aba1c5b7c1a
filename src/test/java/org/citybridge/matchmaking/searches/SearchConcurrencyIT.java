package org.citybridge.matchmaking.searches;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.funding.FundingDemoData;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.matchmaking.searches.PartnerSearchesIT.OFFICER_NIS;
import static org.citybridge.matchmaking.searches.PartnerSearchesIT.inDays;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Concurrent writes to a partner search (issue 24) on PostgreSQL, with real threads: an edit saved
 * from a form opened before another edit is refused, with the values typed kept and a message above
 * the form, in each language; of two saves of the same version at once exactly one is kept; an answer
 * to an interest racing the search's close leaves the group as the close announced it.
 */
class SearchConcurrencyIT extends DemoDataIntegrationTest {

	@Autowired
	PartnerSearches searches;

	@BeforeEach
	void setUp() {
		this.context.getBean(FundingDemoData.class).load();
		this.jdbc.sql("DELETE FROM partner_searches WHERE NOT example").update();
		this.jdbc.sql("DELETE FROM notices").update();
	}

	Actor actor(String email) {
		return ((Actor.Source) this.users.loadUserByUsername(email)).actor();
	}

	long publishAsGhent(String title) {
		return this.searches.publish(actor(AccountTestSupport.OFFICER_GHENT), "test", new SearchForm(title, "Citizen-led energy",
				List.of("ENERGY_CLIMATE"), "cerv-networks-of-towns", "", "3", List.of(), "en", inDays(30), "", null),
				Locale.ENGLISH);
	}

	SearchForm edited(String title, long version) {
		return new SearchForm(title, "Citizen-led energy", List.of("ENERGY_CLIMATE"), "cerv-networks-of-towns", "", "3",
				List.of(), "en", inDays(30), "", version);
	}

	@Test
	void aSaveFromAFormOpenedBeforeAnotherSaveIsRefusedWithItsValuesKept() {
		long id = publishAsGhent("Energy communities");
		// Two colleagues at Ghent open the form: it carries the version they opened.
		long opened = this.searches.search(id).version();
		assertThat(this.mvc.get().uri("/partner-searches/" + id + "/edit").with(as(AccountTestSupport.OFFICER_GHENT)))
			.hasStatusOk().bodyText().contains("name=\"version\" value=\"" + opened + "\"");

		assertThat(this.mvc.post().uri("/partner-searches/" + id + "/edit").with(as(AccountTestSupport.OFFICER_GHENT))
			.with(csrf()).param("title", "First colleague's title").param("idea", "First idea").param("partnersNeeded", "3")
			.param("expires", inDays(20)).param("version", String.valueOf(opened))).hasStatus3xxRedirection();

		for (String lang : List.of("en", "mn", "fr")) {
			String expected = switch (lang) {
				case "mn" -> "танай талын өөр хүн энэ түнш хайлтыг өөрчилсөн";
				case "fr" -> "Quelqu’un de votre côté a modifié cette recherche de partenaires";
				default -> "Someone on your side changed this partner search since you opened it";
			};
			assertThat(this.mvc.post().uri("/partner-searches/" + id + "/edit").with(as(AccountTestSupport.OFFICER_GHENT))
				.with(csrf()).header("Accept-Language", lang).param("title", "Second <b>colleague</b>").param("idea", "Second idea")
				.param("partnersNeeded", "7").param("expires", inDays(25)).param("version", String.valueOf(opened)))
				.as(lang).hasStatusOk().bodyText()
				.contains(expected, "value=\"Second &lt;b&gt;colleague&lt;/b&gt;\"", "Second idea", "value=\"7\"",
						"name=\"version\" value=\"" + opened + "\"");
		}
		// A form without a version (an old page, a hand-made request) is refused the same way.
		assertThat(this.mvc.post().uri("/partner-searches/" + id + "/edit").with(as(AccountTestSupport.OFFICER_GHENT))
			.with(csrf()).param("title", "No version").param("idea", "Idea").param("partnersNeeded", "2")
			.param("expires", inDays(20))).hasStatusOk().bodyText().contains("Someone on your side changed");

		PartnerSearch saved = this.searches.search(id);
		assertThat(saved.title()).isEqualTo("First colleague's title");
		assertThat(saved.partnersNeeded()).isEqualTo(3);
		assertThat(saved.version()).isEqualTo(opened + 1);
		// Reloaded, the form carries the new version, and the save goes through.
		assertThat(this.mvc.get().uri("/partner-searches/" + id + "/edit").with(as(AccountTestSupport.OFFICER_GHENT)))
			.hasStatusOk().bodyText().contains("name=\"version\" value=\"" + (opened + 1) + "\"");
		assertThat(this.mvc.post().uri("/partner-searches/" + id + "/edit").with(as(AccountTestSupport.OFFICER_GHENT))
			.with(csrf()).param("title", "Second colleague's title").param("idea", "Second idea").param("partnersNeeded", "7")
			.param("expires", inDays(25)).param("version", String.valueOf(opened + 1))).hasStatus3xxRedirection();
		assertThat(this.searches.search(id).title()).isEqualTo("Second colleague's title");
	}

	@Test
	void ofTwoSavesOfTheSameVersionAtOnceExactlyOneIsKept() throws Exception {
		Actor ghent = actor(AccountTestSupport.OFFICER_GHENT);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				long id = publishAsGhent("Round " + round);
				long version = this.searches.search(id).version();
				CountDownLatch start = new CountDownLatch(1);
				List<Future<String>> saves = new ArrayList<>();
				for (String title : List.of("Left " + round, "Right " + round)) {
					saves.add(pool.submit(() -> {
						start.await();
						try {
							this.searches.edit(ghent, "test", id, edited(title, version));
							return title;
						}
						catch (Refusal refusal) {
							return refusal.messageKey();
						}
					}));
				}
				start.countDown();
				List<String> outcomes = List.of(saves.get(0).get(), saves.get(1).get());
				assertThat(outcomes).as("round " + round).containsOnlyOnce("search.error.stale");
				String kept = outcomes.stream().filter(o -> !o.equals("search.error.stale")).findFirst().orElseThrow();
				PartnerSearch saved = this.searches.search(id);
				assertThat(saved.title()).isEqualTo(kept);
				assertThat(saved.version()).isEqualTo(version + 1);
				assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE entity_type = 'partner_search' AND entity_id = ?"
						+ " AND action = 'UPDATE'").param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void anAcceptRacingTheCloseLeavesTheGroupAsTheCloseToldIt() throws Exception {
		Actor ghent = actor(AccountTestSupport.OFFICER_GHENT);
		Actor darkhan = actor(AccountTestSupport.OFFICER_DARKHAN);
		Actor nis = actor(OFFICER_NIS);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 8; round++) {
				long id = publishAsGhent("Race " + round);
				long darkhanInterest = this.searches.expressInterest(darkhan, "test", id, new InterestForm("We are in."));
				long nisInterest = this.searches.expressInterest(nis, "test", id, new InterestForm("So are we."));
				this.searches.decide(ghent, "test", id, nisInterest, true);
				this.jdbc.sql("DELETE FROM notices").update();
				CountDownLatch start = new CountDownLatch(1);
				Callable<String> accept = () -> {
					start.await();
					try {
						this.searches.decide(ghent, "test", id, darkhanInterest, true);
						return "accepted";
					}
					catch (Refusal refusal) {
						return refusal.messageKey();
					}
				};
				Callable<String> close = () -> {
					start.await();
					this.searches.complete(ghent, "test", id);
					return "closed";
				};
				Future<String> accepted = pool.submit(accept);
				Future<String> closed = pool.submit(close);
				start.countDown();
				String answer = accepted.get();
				assertThat(closed.get()).isEqualTo("closed");

				PartnerSearch search = this.searches.search(id);
				assertThat(search.status()).isEqualTo("COMPLETE");
				String status = this.jdbc.sql("SELECT status FROM partner_search_interests WHERE id = ?").param(darkhanInterest)
					.query(String.class).single();
				List<String> toDarkhan = this.jdbc.sql("""
						SELECT n.kind FROM notices n JOIN accounts a ON a.id = n.account_id
						WHERE lower(a.email) = ? AND n.link = ? ORDER BY n.id
						""").params(AccountTestSupport.OFFICER_DARKHAN, "/partner-searches/" + id).query(String.class).list();
				if (answer.equals("accepted")) {
					// Accepted before the close: a member, told of both, and counted in the group the close formed.
					assertThat(status).as("round " + round).isEqualTo("ACCEPTED");
					assertThat(toDarkhan).as("round " + round).containsExactly("SEARCH_ACCEPTED", "SEARCH_COMPLETED");
					assertThat(search.accepted()).isEqualTo(2);
				}
				else {
					// Refused after the close: still waiting, told of neither, outside the group.
					assertThat(answer).as("round " + round).isEqualTo("search.error.closed");
					assertThat(status).as("round " + round).isEqualTo("PENDING");
					assertThat(toDarkhan).as("round " + round).isEmpty();
					assertThat(search.accepted()).isEqualTo(1);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
