package org.citybridge.event.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.citybridge.IntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.audit.AuditLog;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventFixtures;
import org.citybridge.system.Actor;
import org.citybridge.system.Moments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The person who asked for a meeting hears once that it expired (issue 23): the scheduled round, run
 * here with fixed clocks, lets requests whose slot began unanswered expire and tells each asker one
 * portal notice, naming the person asked and the slot in the event's zone, with a link to book
 * another slot; the next round, a request a page let expire first, and two rounds at the same
 * instant (two instances) never tell anyone twice; an answered request is never told.
 */
@IntegrationTest
class MeetingExpiryNoticesIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventCatalogue catalogue;

	@Autowired
	MeetingData data;

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MeetingNotices notices;

	@Autowired
	WebApplicationContext context;

	@Autowired
	UserDetailsService users;

	MockMvcTester mvc;

	Meetings meetings;

	MeetingFixtures f;

	@BeforeEach
	void setUp() {
		this.mvc = AccountTestSupport.mockMvc(this.context);
		this.meetings = new Meetings(this.jdbc, this.catalogue, this.data, this.audit, this.transactions, this.notices,
				MeetingsIT.BEFORE);
		this.f = new MeetingFixtures(this.jdbc);
		this.f.window(EventFixtures.at(28, 14, 0), EventFixtures.at(28, 16, 0));
		this.f.tables(2);
	}

	@AfterEach
	void tearDown() {
		this.jdbc.sql("DELETE FROM events WHERE id = ?").param(this.f.eventId()).update();
	}

	/** The round as the scheduler runs it, at a moment of 28 March 2025 in Brussels. */
	MeetingExpiryNotices roundAt(int hour, int minute) {
		return new MeetingExpiryNotices(this.jdbc, this.catalogue, this.data, this.notices, this.transactions,
				Clock.fixed(MeetingFixtures.at(28, hour, minute), ZoneOffset.UTC));
	}

	String slot(int hour, int minute) {
		return MeetingFixtures.at(28, hour, minute).toString();
	}

	List<String> expired(Actor to) {
		return this.jdbc.sql("""
				SELECT array_to_string(args, '|') || '|' || link FROM notices WHERE account_id = ? AND kind = 'MEETING_EXPIRED' ORDER BY id
				""").param(to.accountId()).query(String.class).list();
	}

	MeetingStatus status(long meeting) {
		return this.data.meeting(this.f.eventId(), meeting).orElseThrow().status();
	}

	@Test
	void theAskerIsToldOnceWhenTheSlotBeginsUnansweredAndNobodyForAnAnsweredRequest() throws Exception {
		Actor ana = this.f.participant("Ana");
		Actor bat = this.f.participant("Bat");
		Actor chloe = this.f.participant("Chloe");
		Actor dan = this.f.participant("Dan");
		long unanswered = this.meetings.request(ana, "ana", this.f.slug(), bat.accountId(), slot(14, 0), null);
		long accepted = this.meetings.request(chloe, "chloe", this.f.slug(), dan.accountId(), slot(14, 0), null);
		this.meetings.accept(dan, "dan", this.f.slug(), String.valueOf(accepted));
		long declined = this.meetings.request(dan, "dan", this.f.slug(), ana.accountId(), slot(14, 20), null);
		this.meetings.decline(ana, "ana", this.f.slug(), String.valueOf(declined));
		long readFirst = this.meetings.request(bat, "bat", this.f.slug(), chloe.accountId(), slot(14, 20), null);
		long later = this.meetings.request(chloe, "chloe", this.f.slug(), bat.accountId(), slot(15, 0), null);

		// Before any slot began, nothing of these expires and nobody hears anything (the round also takes
		// whatever else in the database was due by then, so that the counts below are this test's).
		roundAt(13, 55).announceExpired();
		assertThat(expired(ana)).isEmpty();
		assertThat(status(unanswered)).isEqualTo(MeetingStatus.REQUESTED);

		// 14:05: the 14:00 request expired unanswered; its asker hears it, with the slot in Brussels time.
		assertThat(roundAt(14, 5).announceExpired()).isEqualTo(1);
		String told = "Bat|Fixture forum|moment:" + MeetingFixtures.at(28, 14, 0) + " Europe/Brussels|/events/" + this.f.slug()
				+ "/meetings/people/" + bat.accountId();
		assertThat(expired(ana)).containsExactly(told);
		assertThat(status(unanswered)).isEqualTo(MeetingStatus.EXPIRED);
		assertThat(status(accepted)).isEqualTo(MeetingStatus.ACCEPTED);
		assertThat(status(declined)).isEqualTo(MeetingStatus.DECLINED);
		assertThat(status(readFirst)).isEqualTo(MeetingStatus.REQUESTED);

		// The next round, and a round a little later, tell nobody again.
		assertThat(roundAt(14, 5).announceExpired()).isZero();
		assertThat(roundAt(14, 15).announceExpired()).isZero();
		assertThat(expired(ana)).containsExactly(told);

		// A page lets the 14:20 request expire before the round does: the round still tells its asker, once.
		assertThat(this.meetings.expire(this.f.eventId(), MeetingFixtures.at(28, 14, 25))).isEqualTo(1);
		assertThat(roundAt(14, 30).announceExpired()).isEqualTo(1);
		assertThat(expired(bat)).hasSize(1).allSatisfy(n -> assertThat(n).startsWith("Chloe|Fixture forum|"));

		// Two instances' rounds at the same instant: the 15:00 request's asker hears it once.
		List<Callable<String>> rounds = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			rounds.add(() -> {
				try {
					return String.valueOf(roundAt(15, 5).announceExpired());
				}
				catch (RuntimeException lost) {
					return "lost";
				}
			});
		}
		assertThat(MeetingsIT.runTogether(rounds, 2)).containsExactlyInAnyOrder("0", "1");
		assertThat(status(later)).isEqualTo(MeetingStatus.EXPIRED);
		assertThat(expired(chloe)).hasSize(1).allSatisfy(n -> assertThat(n).startsWith("Bat|Fixture forum|"));

		// Answered requests are never told as expired: Dan's was declined, Chloe's 14:00 one accepted.
		assertThat(expired(dan)).isEmpty();
		assertThat(roundAt(16, 0).announceExpired()).isZero();
		assertThat(expired(ana)).containsExactly(told);
	}

	@Test
	void theNoticeReadsInEachLanguageAndOpensThePageToBookAnotherSlot() {
		Actor ana = this.f.participant("Ana");
		Actor bat = this.f.participant("Bat");
		this.meetings.request(ana, "ana", this.f.slug(), bat.accountId(), slot(14, 40), null);
		assertThat(roundAt(14, 41).announceExpired()).isEqualTo(1);
		String email = this.jdbc.sql("SELECT email FROM accounts WHERE id = ?").param(ana.accountId()).query(String.class).single();
		var asAna = user(this.users.loadUserByUsername(email));

		String slot = Moments.dateTime(MeetingFixtures.at(28, 14, 40), EventFixtures.BRUSSELS, Locale.ENGLISH);
		assertThat(this.mvc.get().uri("/notices").with(asAna)).hasStatusOk().bodyText()
			.contains("did not answer your request for a meeting at", "Fixture forum", slot, "Choose another slot with");
		assertThat(this.mvc.get().uri("/notices").header("Accept-Language", "mn").with(asAna)).hasStatusOk().bodyText()
			.contains("Таны уулзалтын хүсэлтэд цаг нь эхлэхээс өмнө хариу ирээгүй",
					Moments.dateTime(MeetingFixtures.at(28, 14, 40), EventFixtures.BRUSSELS, Locale.forLanguageTag("mn")));
		assertThat(this.mvc.get().uri("/notices").header("Accept-Language", "fr").with(asAna)).hasStatusOk().bodyText()
			.contains("n’a pas répondu à votre demande de rendez-vous");

		long notice = this.jdbc.sql("SELECT id FROM notices WHERE account_id = ? AND kind = 'MEETING_EXPIRED'").param(ana.accountId())
			.query(Long.class).single();
		MvcTestResult opened = this.mvc.post().uri("/notices/" + notice + "/open").with(asAna).with(csrf()).exchange();
		assertThat(opened).hasStatus3xxRedirection()
			.hasRedirectedUrl("/events/" + this.f.slug() + "/meetings/people/" + bat.accountId());
		// The page it opens offers Bat's free slots again (the expired one is past).
		assertThat(this.mvc.get().uri("/events/" + this.f.slug() + "/meetings/people/" + bat.accountId()).with(asAna))
			.hasStatusOk();
	}
}
