package org.citybridge.event.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import net.fortuna.ical4j.model.component.VEvent;

import org.citybridge.IntegrationTest;
import org.citybridge.audit.AuditLog;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventFixtures;
import org.citybridge.event.IcsParser;
import org.citybridge.event.MeetingFit;
import org.citybridge.system.Actor;
import org.citybridge.system.DisplayNames;
import org.citybridge.system.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Meetings on PostgreSQL: booking, answering, the refusals the database makes (a person or a table
 * twice in a slot, a meeting over a registered session, a window over a plenary), with real
 * threads booking at the same instant, and who may do what.
 */
@IntegrationTest
class MeetingsIT {

	/** 1 March 2025: the fixture event (28–30 March) is ahead. */
	static final Clock BEFORE = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);

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

	MeetingProfiles profiles;

	@Autowired
	MeetingProgrammes programmes;

	@Autowired
	ObjectProvider<MeetingFit> fit;

	@Autowired
	DisplayNames names;

	@Autowired
	MessageSource messages;

	Meetings meetings;

	MeetingPages pages;

	MeetingFixtures f;

	@BeforeEach
	void setUp() {
		this.meetings = new Meetings(this.jdbc, this.catalogue, this.data, this.audit, this.transactions, this.notices, BEFORE);
		this.profiles = new MeetingProfiles(this.jdbc, this.catalogue, this.data, this.audit, this.transactions, this.notices,
				BEFORE);
		this.pages = new MeetingPages(this.catalogue, this.data, this.meetings, this.profiles, this.fit, this.names, this.messages,
				this.jdbc);
		this.f = new MeetingFixtures(this.jdbc);
		this.f.window(EventFixtures.at(28, 14, 0), EventFixtures.at(28, 16, 0));
		this.f.tables(2);
	}

	@AfterEach
	void tearDown() {
		this.jdbc.sql("DELETE FROM events WHERE id = ?").param(this.f.eventId()).update();
	}

	String slot(int hour, int minute) {
		return MeetingFixtures.at(28, hour, minute).toString();
	}

	@Test
	void anAcceptedMeetingGetsTheFirstFreeTableAndBothSidesHearOfIt() {
		Actor ana = this.f.participant("Ana");
		Actor bat = this.f.participant("Bat");
		long id = this.meetings.request(ana, "ana", this.f.slug(), bat.accountId(), slot(14, 20), "Waste management");
		assertThat(notices(bat, "MEETING_REQUESTED")).isEqualTo(1);

		assertThat(this.meetings.accept(bat, "bat", this.f.slug(), String.valueOf(id))).isEqualTo("meeting.answer.flash.accepted");

		MeetingData.Meeting meeting = this.data.meeting(this.f.eventId(), id).orElseThrow();
		assertThat(meeting.status()).isEqualTo(MeetingStatus.ACCEPTED);
		assertThat(meeting.tableNumber()).isEqualTo(1);
		assertThat(notices(ana, "MEETING_ACCEPTED")).isEqualTo(1);
	}

	@Test
	void refusesAPersonInTwoMeetingsOfTheSameSlot() {
		Actor ana = this.f.participant("Ana");
		Actor bat = this.f.participant("Bat");
		Actor chloe = this.f.participant("Chloe");
		this.meetings.request(ana, "ana", this.f.slug(), bat.accountId(), slot(14, 0), null);

		assertThatThrownBy(() -> this.meetings.request(chloe, "chloe", this.f.slug(), bat.accountId(), slot(14, 0), null))
			.isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).messageKey()).isEqualTo("meeting.request.error.theyBusy");
		assertThatThrownBy(() -> this.meetings.request(ana, "ana", this.f.slug(), chloe.accountId(), slot(14, 0), null))
			.isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).messageKey()).isEqualTo("meeting.request.error.youBusy");
	}

	@Test
	void refusesAMeetingOverASessionThePersonRegisteredForNamingTheSession() {
		Actor ana = this.f.participant("Ana");
		Actor bat = this.f.participant("Bat");
		this.f.registeredSession(bat, "Water utilities workshop", EventFixtures.at(28, 14, 30), EventFixtures.at(28, 15, 30));

		assertThatThrownBy(() -> this.meetings.request(ana, "ana", this.f.slug(), bat.accountId(), slot(14, 20), null))
			.isInstanceOfSatisfying(Refusal.class, r -> {
				assertThat(r.messageKey()).isEqualTo("meeting.request.error.theirSession");
				assertThat((String) r.arguments()[0]).startsWith("\u2068Water utilities workshop");
			});
		assertThatThrownBy(() -> this.meetings.request(bat, "bat", this.f.slug(), ana.accountId(), slot(15, 0), null))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("meeting.request.error.yourSession"));
		// The first slot free for both skips the session.
		long id = this.meetings.request(ana, "ana", this.f.slug(), bat.accountId(), "first", null);
		assertThat(this.data.meeting(this.f.eventId(), id).orElseThrow().startsAt()).isEqualTo(MeetingFixtures.at(28, 14, 0));
	}

	@Test
	void refusesATimeThatIsNotASlotOfAWindow() {
		Actor ana = this.f.participant("Ana");
		Actor bat = this.f.participant("Bat");
		assertThatThrownBy(() -> this.meetings.request(ana, "ana", this.f.slug(), bat.accountId(), slot(14, 10), null))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("meeting.request.error.slot"));
		assertThatThrownBy(() -> this.meetings.request(ana, "ana", this.f.slug(), bat.accountId(), "tomorrow", null))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("meeting.request.error.slot"));
	}

	@Test
	void aDeclinedRequestFreesTheSlotAndAnUnansweredOneExpiresWhenItsSlotBegins() {
		Actor ana = this.f.participant("Ana");
		Actor bat = this.f.participant("Bat");
		Actor chloe = this.f.participant("Chloe");
		long first = this.meetings.request(ana, "ana", this.f.slug(), bat.accountId(), slot(14, 0), null);
		this.meetings.decline(bat, "bat", this.f.slug(), String.valueOf(first));
		assertThat(notices(ana, "MEETING_DECLINED")).isEqualTo(1);
		long second = this.meetings.request(chloe, "chloe", this.f.slug(), bat.accountId(), slot(14, 0), null);

		assertThat(this.meetings.expire(this.f.eventId(), MeetingFixtures.at(28, 14, 0))).isEqualTo(1);
		assertThat(this.data.meeting(this.f.eventId(), second).orElseThrow().status()).isEqualTo(MeetingStatus.EXPIRED);
	}

	/**
	 * Every read path lets a request whose slot began expire before it reads, whichever comes first
	 * after the slot begins: the participants' list, one participant's page, the schedule, its
	 * calendar file, the organiser's counts; and withdrawing tells nobody of a cancelled request.
	 */
	@Test
	void aRequestWhoseSlotBeganIsExpiredOnEveryReadPathWithAFixedClock() {
		Clock during = Clock.fixed(MeetingFixtures.at(28, 14, 5), ZoneOffset.UTC);
		Meetings later = new Meetings(this.jdbc, this.catalogue, this.data, this.audit, this.transactions, this.notices, during);
		MeetingPages pages = new MeetingPages(this.catalogue, this.data, later, this.profiles, this.fit, this.names, this.messages,
				this.jdbc);
		MeetingProfiles profiles = new MeetingProfiles(this.jdbc, this.catalogue, this.data, this.audit, this.transactions,
				this.notices, during);
		Actor staff = this.f.hostStaff();
		java.util.List<String> paths = java.util.List.of("participants", "person", "schedule", "calendar", "overview", "withdraw");
		for (String path : paths) {
			Actor asker = this.f.participant("Asker " + path);
			Actor asked = this.f.participant("Asked " + path);
			long id = this.meetings.request(asker, "asker", this.f.slug(), asked.accountId(), slot(14, 0), null);
			// Before its slot begins, the request holds it.
			assertThat(this.pages.schedule(asked, this.f.slug(), null, Locale.ENGLISH).toAnswer()).hasSize(1);

			switch (path) {
				case "participants" -> assertThat(pages.participants(asked, this.f.slug(), null, null, null, null, Locale.ENGLISH)
					.entries().stream().filter(e -> e.profile().accountId() == asker.accountId()).findFirst().orElseThrow().withMe())
					.isEqualTo(MeetingStatus.EXPIRED);
				case "person" -> assertThat(pages.person(asked, this.f.slug(), String.valueOf(asker.accountId()), null, Locale.ENGLISH)
					.entry().withMe()).isEqualTo(MeetingStatus.EXPIRED);
				case "schedule" -> {
					MeetingPages.Schedule schedule = pages.schedule(asked, this.f.slug(), null, Locale.ENGLISH);
					assertThat(schedule.toAnswer()).isEmpty();
					assertThat(schedule.lines()).noneMatch(l -> l.meeting() && l.id() == id);
				}
				case "calendar" -> assertThat(pages.calendarMeetings(asker, this.catalogue.bySlug(this.f.slug()))).isEmpty();
				case "overview" -> {
					MeetingPages.Overview overview = pages.overview(staff, this.f.slug(), Locale.ENGLISH);
					assertThat(overview.counts().get(MeetingStatus.REQUESTED)).isZero();
					assertThat(overview.counts().get(MeetingStatus.EXPIRED)).isGreaterThanOrEqualTo(1);
				}
				case "withdraw" -> {
					assertThat(profiles.withdraw(asker, "asker", this.f.slug())).isEqualTo("meeting.profile.flash.withdrawn");
					assertThat(notices(asked, "MEETING_CANCELLED")).isZero();
					continue;
				}
				default -> throw new IllegalStateException(path);
			}
			assertThat(this.data.meeting(this.f.eventId(), id).orElseThrow().status()).as(path).isEqualTo(MeetingStatus.EXPIRED);
			// Expired, it can no longer be accepted.
			assertThatThrownBy(() -> later.accept(asked, "asked", this.f.slug(), String.valueOf(id)))
				.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("meeting.answer.error.expired"));
		}
	}

	@Test
	void fiftySimultaneousRequestsForTheSamePersonsSlotGiveOneMeeting() throws Exception {
		Actor wanted = this.f.participant("Wanted");
		List<Actor> askers = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			askers.add(this.f.participant("Asker " + i));
		}
		List<Callable<String>> tasks = new ArrayList<>();
		for (Actor asker : askers) {
			tasks.add(() -> {
				try {
					this.meetings.request(asker, "asker", this.f.slug(), wanted.accountId(), slot(15, 0), null);
					return "booked";
				}
				catch (Refusal refused) {
					return refused.messageKey();
				}
			});
		}
		List<String> outcomes = runTogether(tasks, 50);

		assertThat(outcomes).filteredOn("booked"::equals).hasSize(1);
		assertThat(outcomes).filteredOn("meeting.request.error.theyBusy"::equals).hasSize(49);
		assertThat(this.jdbc.sql("SELECT count(*) FROM meetings WHERE event_id = ? AND invitee_id = ?")
			.params(this.f.eventId(), wanted.accountId()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void twoHundredConcurrentBookingsOverTwentySlotsNeverDoubleBookAPersonOrATable() throws Exception {
		this.jdbc.sql("DELETE FROM meeting_windows WHERE event_id = ?").param(this.f.eventId()).update();
		// Twenty slots of 20 minutes, 09:00 to 15:40, and 5 tables for 30 people.
		this.f.window(EventFixtures.at(29, 9, 0), EventFixtures.at(29, 15, 40));
		this.f.tables(3);
		List<Actor> people = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			people.add(this.f.participant("Person " + i));
		}
		Random random = new Random(23);
		List<Callable<String>> tasks = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			Actor a = people.get(random.nextInt(people.size()));
			Actor b = people.get(random.nextInt(people.size()));
			Instant slot = MeetingFixtures.at(29, 9, 0).plusSeconds(1200L * random.nextInt(20));
			tasks.add(() -> {
				try {
					long id = this.meetings.request(a, "a", this.f.slug(), b.accountId(), slot.toString(), null);
					return this.meetings.accept(b, "b", this.f.slug(), String.valueOf(id));
				}
				catch (Refusal refused) {
					return refused.messageKey();
				}
			});
		}
		// As many at once as the connection pool serves (10): the rest queue for a connection, not for the database.
		List<String> outcomes = runTogether(tasks, 8);

		assertThat(outcomes).contains("meeting.answer.flash.accepted");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM meeting_sides x JOIN meeting_sides y ON x.account_id = y.account_id
				AND x.meeting_id < y.meeting_id AND x.during && y.during AND x.busy AND y.busy
				JOIN meetings m ON m.id = x.meeting_id WHERE m.event_id = ?
				""").param(this.f.eventId()).query(Long.class).single()).as("a person twice in a slot").isZero();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM meetings x JOIN meetings y ON x.table_id = y.table_id AND x.id < y.id AND x.during && y.during
				WHERE x.event_id = ?
				""").param(this.f.eventId()).query(Long.class).single()).as("a table twice in a slot").isZero();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM meetings WHERE event_id = ? AND status = 'ACCEPTED'
				""").param(this.f.eventId()).query(Long.class).single())
			.isEqualTo(outcomes.stream().filter("meeting.answer.flash.accepted"::equals).count());
	}

	@Test
	void aWindowOverAPlenaryIsRefusedNamingItUnlessStaffConfirm() {
		Actor staff = this.f.hostStaff();
		long plenary = this.f.event.session("Opening plenary " + this.f.unique, null, EventFixtures.at(30, 9, 0),
				EventFixtures.at(30, 10, 0));
		this.jdbc.sql("UPDATE sessions SET kind = 'PLENARY' WHERE id = ?").param(plenary).update();
		MeetingSetupForms.WindowForm form = new MeetingSetupForms.WindowForm();
		form.setDay(java.time.LocalDate.of(2025, 3, 30));
		form.setStartTime(java.time.LocalTime.of(9, 30));
		form.setEndTime(java.time.LocalTime.of(11, 0));

		assertThatThrownBy(() -> this.programmes.addWindow(staff, "staff", this.f.slug(), form))
			.isInstanceOfSatisfying(Refusal.class, r -> {
				assertThat(r.messageKey()).isEqualTo("meeting.setup.window.plenary");
				assertThat((String) r.arguments()[0]).startsWith("\u2068Opening plenary");
			});
		form.setOverlapConfirmed(true);
		this.programmes.addWindow(staff, "staff", this.f.slug(), form);
		assertThat(this.data.windows(this.f.eventId())).hasSize(2);
	}

	@Test
	void withdrawingDeletesTheProfileAndItsMeetingsAndTellsTheOtherSide() {
		Actor ana = this.f.participant("Ana");
		Actor bat = this.f.participant("Bat");
		this.meetings.request(ana, "ana", this.f.slug(), bat.accountId(), slot(14, 0), null);

		assertThat(this.profiles.withdraw(ana, "ana", this.f.slug())).isEqualTo("meeting.profile.flash.withdrawn");

		assertThat(this.data.profile(this.f.eventId(), ana.accountId())).isEmpty();
		assertThat(this.data.meetingsOf(this.f.eventId(), bat.accountId())).isEmpty();
		assertThat(notices(bat, "MEETING_CANCELLED")).isEqualTo(1);
	}

	@Test
	void onlyPeopleWithASeatOptInAndTheProfileNeedsConsent() {
		Actor stranger = this.f.delegate();
		MeetingProfileForm form = new MeetingProfileForm();
		form.setPersonName("Stranger");
		form.setRepresents("Nowhere");
		form.setCountryCode("BE");
		form.setConsent(true);
		assertThatThrownBy(() -> this.profiles.save(stranger, "s", this.f.slug(), form)).isInstanceOf(AccessDeniedException.class);

		Actor seated = this.f.registered();
		assertThat(this.profiles.save(seated, "s", this.f.slug(), form)).isTrue();
		assertThat(this.data.profile(this.f.eventId(), seated.accountId())).isPresent();
		form.setOffers(List.of("no-such-theme"));
		form.setVersion(0L);
		assertThatThrownBy(() -> this.profiles.save(seated, "s", this.f.slug(), form))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("offers"));
	}

	@Test
	void onlyParticipantsAskOnlyTheOtherSideAnswersOnlyHostStaffRunTheProgramme() {
		Actor ana = this.f.participant("Ana");
		Actor bat = this.f.participant("Bat");
		Actor chloe = this.f.participant("Chloe");
		Actor registeredOnly = this.f.registered();
		long id = this.meetings.request(ana, "ana", this.f.slug(), bat.accountId(), slot(14, 0), null);

		assertThatThrownBy(() -> this.meetings.request(registeredOnly, "r", this.f.slug(), bat.accountId(), slot(14, 40), null))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.meetings.accept(chloe, "c", this.f.slug(), String.valueOf(id)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.meetings.accept(ana, "a", this.f.slug(), String.valueOf(id)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.meetings.decline(chloe, "c", this.f.slug(), String.valueOf(id)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.pages.participants(registeredOnly, this.f.slug(), null, null, null, null, Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
		Actor otherStaff = this.f.otherStaff();
		assertThatThrownBy(() -> this.programmes.addTables(otherStaff, "o", this.f.slug(), new MeetingSetupForms.TablesForm()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.meetings.mark(otherStaff, "o", this.f.slug(), String.valueOf(id), MeetingStatus.HELD))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.meetings.mark(ana, "a", this.f.slug(), String.valueOf(id), MeetingStatus.HELD))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.pages.overview(ana, this.f.slug(), Locale.ENGLISH)).isInstanceOf(AccessDeniedException.class);
	}

	MeetingSetupForms.TableRemovalForm table(int number) {
		MeetingSetupForms.TableRemovalForm form = new MeetingSetupForms.TableRemovalForm();
		form.setNumber(number);
		return form;
	}

	@Test
	void aTableWithMeetingsPlacedAtItStaysAndAnEmptyOneIsRemovedByTheHostsStaffOnly() {
		Actor ana = this.f.participant("Ana");
		Actor bat = this.f.participant("Bat");
		Actor staff = this.f.hostStaff();
		long id = this.meetings.request(ana, "ana", this.f.slug(), bat.accountId(), slot(14, 20), null);
		this.meetings.accept(bat, "bat", this.f.slug(), String.valueOf(id));
		assertThat(this.data.meeting(this.f.eventId(), id).orElseThrow().tableNumber()).isEqualTo(1);

		assertThatThrownBy(() -> this.programmes.deleteTable(staff, "staff", this.f.slug(), table(1)))
			.isInstanceOfSatisfying(Refusal.class, r -> {
				assertThat(r.field()).isEqualTo("number");
				assertThat(r.messageKey()).isEqualTo("meeting.setup.tableNumber.inUse");
				assertThat(r.arguments()).containsExactly(1, 1);
			});
		assertThatThrownBy(() -> this.programmes.deleteTable(staff, "staff", this.f.slug(), table(7)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("meeting.setup.tableNumber.none"));
		assertThatThrownBy(() -> this.programmes.deleteTable(this.f.otherStaff(), "other", this.f.slug(), table(2)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.programmes.deleteTable(ana, "ana", this.f.slug(), table(2)))
			.isInstanceOf(AccessDeniedException.class);

		assertThat(this.programmes.deleteTable(staff, "staff", this.f.slug(), table(2))).isEqualTo(this.f.slug());
		assertThat(this.data.tables(this.f.eventId())).extracting(MeetingData.Table::number).containsExactly(1);
		// Held, the meeting is the event's record: its table still stays, and the database refuses a writer that skips the check.
		this.jdbc.sql("UPDATE meetings SET status = 'HELD' WHERE id = ?").param(id).update();
		assertThatThrownBy(() -> this.programmes.deleteTable(staff, "staff", this.f.slug(), table(1)))
			.isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM meeting_tables WHERE event_id = ?").param(this.f.eventId()).update())
			.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class).hasMessageContaining("meetings_table_fk");
		assertThat(this.data.meeting(this.f.eventId(), id).orElseThrow().tableNumber()).isEqualTo(1);
	}

	@Test
	void staffMarkAMeetingHeldOnlyAfterItEnded() {
		Actor ana = this.f.participant("Ana");
		Actor bat = this.f.participant("Bat");
		long id = this.meetings.request(ana, "ana", this.f.slug(), bat.accountId(), slot(14, 0), null);
		this.meetings.accept(bat, "bat", this.f.slug(), String.valueOf(id));
		Actor staff = this.f.hostStaff();
		assertThatThrownBy(() -> this.meetings.mark(staff, "s", this.f.slug(), String.valueOf(id), MeetingStatus.HELD))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("meeting.mark.error.notYet"));

		Meetings after = new Meetings(this.jdbc, this.catalogue, this.data, this.audit, this.transactions, this.notices,
				Clock.fixed(Instant.parse("2025-04-01T09:00:00Z"), ZoneOffset.UTC));
		assertThat(after.mark(staff, "s", this.f.slug(), String.valueOf(id), MeetingStatus.HELD)).isEqualTo("meeting.mark.flash.held");
		MeetingPages.Overview overview = new MeetingPages(this.catalogue, this.data, after, this.profiles, this.fit, this.names,
				this.messages, this.jdbc).overview(staff, this.f.slug(), Locale.ENGLISH);
		assertThat(overview.counts().get(MeetingStatus.HELD)).isEqualTo(1);
		assertThat(overview.participants()).isEqualTo(2);
		assertThat(overview.slots()).hasSize(6);
		assertThat(overview.slots().get(0).accepted()).isEqualTo(1);
	}

	@Test
	void theScheduleAndItsCalendarShowMeetingsBesideRegisteredSessions() {
		Actor ana = this.f.participant("Ana");
		Actor bat = this.f.participant("Bat");
		this.f.registeredSession(ana, "Energy panel", EventFixtures.at(28, 10, 0), EventFixtures.at(28, 11, 0));
		long id = this.meetings.request(ana, "ana", this.f.slug(), bat.accountId(), slot(14, 0), null);
		this.meetings.accept(bat, "bat", this.f.slug(), String.valueOf(id));

		MeetingPages.Schedule schedule = this.pages.schedule(ana, this.f.slug(), java.time.ZoneId.of("Asia/Ulaanbaatar"),
				Locale.ENGLISH);
		assertThat(schedule.lines()).extracting(MeetingPages.Line::meeting).containsExactly(false, true);
		assertThat(schedule.lines().get(1).other()).isEqualTo("Bat");
		assertThat(schedule.lines().get(1).table()).isEqualTo(1);
		assertThat(schedule.dual()).isTrue();

		EventCatalogue.Event event = this.catalogue.bySlug(this.f.slug());
		String ics = MeetingCalendar.of(event, this.pages.calendarMeetings(ana, event), this.pages.sessionsOf(event.id(),
				ana.accountId()), ana.accountId(), "http://citybridge.test", this.messages, Locale.ENGLISH, BEFORE.instant());
		List<VEvent> events = IcsParser.events(IcsParser.parse(ics));
		assertThat(events).extracting(e -> IcsParser.text(e, "SUMMARY"))
			.anySatisfy(s -> assertThat(s).startsWith("Energy panel"))
			.anySatisfy(s -> assertThat(s).isEqualTo("Meeting: Bat (Bat city)"));
		assertThat(events).extracting(e -> IcsParser.text(e, "LOCATION")).anySatisfy(l -> assertThat(l).startsWith("Table 1"));
	}

	long notices(Actor to, String kind) {
		return this.jdbc.sql("SELECT count(*) FROM notices WHERE account_id = ? AND kind = ?").params(to.accountId(), kind)
			.query(Long.class).single();
	}

	static List<String> runTogether(List<Callable<String>> tasks, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<String>> futures = new ArrayList<>();
			for (Callable<String> task : tasks) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<String> future : futures) {
				outcomes.add(future.get(120, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
