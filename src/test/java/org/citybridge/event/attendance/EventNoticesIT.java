package org.citybridge.event.attendance;

import java.time.LocalTime;
import java.util.List;

import org.citybridge.IntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventFixtures;
import org.citybridge.event.Programme;
import org.citybridge.event.SessionForm;
import org.citybridge.notice.Followable;
import org.citybridge.notice.NoticesHeld;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A delegate who registers hears where they stand; one who moves up from the queue hears of their
 * seat; those registered for a session or who starred it, and the event's followers, hear that it
 * moved, with its start in the event's time zone; nobody hears of their own act, nor of a change
 * refused or rolled back.
 */
@IntegrationTest
class EventNoticesIT {

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventCatalogue catalogue;

	@Autowired
	org.citybridge.audit.AuditLog audit;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	AttendanceNotices notices;

	@Autowired
	Programme programme;

	@Autowired
	org.citybridge.event.manage.EventEditor editor;

	Registrations registrations;

	EventFixtures fixtures;

	long workshop;

	String link;

	@BeforeEach
	void setUp() {
		AccountTestSupport.loadDemoData(this.context);
		this.registrations = new Registrations(this.jdbc, this.catalogue, this.audit, this.transactions,
				java.time.Clock.fixed(java.time.Instant.parse("2025-03-01T09:00:00Z"), java.time.ZoneOffset.UTC),
				this.notices);
		this.fixtures = new EventFixtures(this.jdbc);
		this.workshop = this.fixtures.session("Workshop", this.fixtures.room, EventFixtures.at(28, 10, 0),
				EventFixtures.at(28, 12, 0));
		this.jdbc.sql("UPDATE sessions SET capacity = 1 WHERE id = ?").param(this.workshop).update();
		this.link = "/events/" + this.fixtures.slug + "/sessions/" + this.workshop;
	}

	Actor delegate() {
		return new Actor(NoticesHeld.delegate(this.jdbc), Actor.Role.DELEGATE, null, null);
	}

	@Test
	void registeringWaitingAndMovingUpAreEachAnnouncedToThePersonOnce() {
		Actor first = delegate();
		Actor second = delegate();
		Actor third = delegate();
		for (Actor d : List.of(first, second, third)) {
			this.registrations.register(d, "delegate", this.fixtures.slug, this.workshop);
		}
		assertThat(NoticesHeld.of(this.jdbc, first.accountId())).containsExactly("EVENT_REGISTRATION|Workshop|" + this.link);
		assertThat(NoticesHeld.of(this.jdbc, second.accountId())).containsExactly("EVENT_WAITING|Workshop|1|" + this.link);
		assertThat(NoticesHeld.of(this.jdbc, third.accountId())).containsExactly("EVENT_WAITING|Workshop|2|" + this.link);
		// Registering twice is refused and says nothing.
		assertThatThrownBy(() -> this.registrations.register(first, "delegate", this.fixtures.slug, this.workshop))
			.isInstanceOf(Refusal.class);
		assertThat(NoticesHeld.of(this.jdbc, first.accountId())).hasSize(1);

		// A cancellation rolled back frees no seat and tells nobody.
		this.transactions.executeWithoutResult(tx -> {
			this.registrations.cancel(first, "delegate", this.fixtures.slug, this.workshop);
			tx.setRollbackOnly();
		});
		assertThat(NoticesHeld.of(this.jdbc, second.accountId())).hasSize(1);

		// The freed seat goes to the first in the queue, who hears of it; the third only moves up.
		assertThat(this.registrations.cancel(first, "delegate", this.fixtures.slug, this.workshop)).isTrue();
		assertThat(NoticesHeld.of(this.jdbc, second.accountId()))
			.containsExactly("EVENT_WAITING|Workshop|1|" + this.link, "EVENT_PROMOTED|Workshop|" + this.link);
		assertThat(NoticesHeld.of(this.jdbc, third.accountId())).hasSize(1);
		assertThat(NoticesHeld.of(this.jdbc, first.accountId())).hasSize(1);

		// Someone waiting who leaves frees no seat: nobody is promoted.
		this.registrations.cancel(third, "delegate", this.fixtures.slug, this.workshop);
		assertThat(this.jdbc.sql("SELECT count(*) FROM notices WHERE kind = 'EVENT_PROMOTED' AND link = ?")
			.param(this.link).query(Long.class).single()).isEqualTo(1L);
	}

	@Test
	void aMovedSessionIsAnnouncedToThoseRegisteredOrStarredAndTheEventsFollowersOnceInTheEventsTimeZone() {
		Actor registered = delegate();
		Actor waiting = delegate();
		this.registrations.register(registered, "delegate", this.fixtures.slug, this.workshop);
		this.registrations.register(waiting, "delegate", this.fixtures.slug, this.workshop);
		long starrer = NoticesHeld.delegate(this.jdbc);
		long follower = NoticesHeld.delegate(this.jdbc);
		NoticesHeld.follow(this.jdbc, follower, Followable.EVENT, this.fixtures.event);
		// Registered, starred and following: still one notice.
		NoticesHeld.follow(this.jdbc, registered.accountId(), Followable.EVENT, this.fixtures.event);
		for (long account : List.of(starrer, registered.accountId())) {
			this.jdbc.sql("INSERT INTO agenda_stars (account_id, session_id) VALUES (?, ?)").params(account, this.workshop)
				.update();
		}
		long adminId = NoticesHeld.accountId(this.jdbc, AccountTestSupport.ADMIN);
		NoticesHeld.follow(this.jdbc, adminId, Followable.EVENT, this.fixtures.event);
		Actor admin = new Actor(adminId, Actor.Role.ADMIN, null, null);
		long before = NoticesHeld.of(this.jdbc, adminId).size();

		SessionForm now = SessionForm.of(this.catalogue.session(this.fixtures.event, this.workshop), EventFixtures.BRUSSELS);
		SessionForm moved = new SessionForm(now.title(), "", "", now.abstractText(), "", "", now.day(), LocalTime.of(14, 30),
				LocalTime.of(16, 0), this.fixtures.otherRoom, now.trackId(), now.kind(), now.languages(), now.speakerIds(),
				now.capacity(), now.version());
		// A stale edit is refused: nothing moved, nothing announced.
		SessionForm stale = new SessionForm(moved.title(), "", "", moved.abstractText(), "", "", moved.day(), moved.startTime(),
				moved.endTime(), moved.roomId(), moved.trackId(), moved.kind(), moved.languages(), moved.speakerIds(),
				moved.capacity(), 99);
		assertThatThrownBy(() -> this.programme.update(admin, "admin", this.fixtures.slug, this.workshop, stale))
			.isInstanceOf(Refusal.class);
		assertThat(this.jdbc.sql("SELECT count(*) FROM notices WHERE kind = 'SESSION_CHANGED' AND link = ?")
			.param(this.link).query(Long.class).single()).isZero();

		this.programme.update(admin, "admin", this.fixtures.slug, this.workshop, moved);
		String changed = "SESSION_CHANGED|Workshop|Fixture forum|moment:2025-03-28T13:30:00Z Europe/Brussels|Room 2|" + this.link;
		for (long account : List.of(registered.accountId(), waiting.accountId(), starrer, follower)) {
			assertThat(NoticesHeld.of(this.jdbc, account)).containsOnlyOnce(changed)
				.filteredOn(n -> n.startsWith("SESSION_")).hasSize(1);
		}
		// The administrator who moved it follows the event, and heard nothing of it.
		assertThat(NoticesHeld.of(this.jdbc, adminId)).hasSize((int) before);

		// Saving it unchanged says nothing.
		SessionForm same = SessionForm.of(this.catalogue.session(this.fixtures.event, this.workshop), EventFixtures.BRUSSELS);
		this.programme.update(admin, "admin", this.fixtures.slug, this.workshop, same);
		assertThat(this.jdbc.sql("SELECT count(*) FROM notices WHERE kind = 'SESSION_CHANGED' AND link = ?")
			.param(this.link).query(Long.class).single()).isEqualTo(4L);
	}

	@Test
	void aLargerCapacityMovesTheQueueAndThoseMovedHearOfIt() {
		this.jdbc.sql("UPDATE events SET capacity = 1, registration_open = true WHERE id = ?").param(this.fixtures.event)
			.update();
		Actor seated = delegate();
		Actor waiting = delegate();
		this.registrations.register(seated, "delegate", this.fixtures.slug, null);
		this.registrations.register(waiting, "delegate", this.fixtures.slug, null);
		String eventLink = "/events/" + this.fixtures.slug;
		assertThat(NoticesHeld.of(this.jdbc, waiting.accountId())).containsExactly("EVENT_WAITING|Fixture forum|1|" + eventLink);

		long version = this.jdbc.sql("SELECT version FROM events WHERE id = ?").param(this.fixtures.event)
			.query(Long.class).single();
		org.citybridge.event.manage.EventForm f = org.citybridge.event.manage.EventForm
			.of(this.catalogue.bySlug(this.fixtures.slug), version);
		org.citybridge.event.manage.EventForm larger = new org.citybridge.event.manage.EventForm(f.title(), "", "", f.kind(),
				f.startsOn(), f.endsOn(), f.timeZone(), f.venueName(), f.venueAddress(), f.description(), "", "", true, 2,
				version, f.hostOrganisationId(), f.latitude(), f.longitude());
		Actor admin = new Actor(NoticesHeld.accountId(this.jdbc, AccountTestSupport.ADMIN), Actor.Role.ADMIN, null, null);
		// Rolled back: nobody moved, nobody told.
		this.transactions.executeWithoutResult(tx -> {
			this.editor.update(admin, "admin", this.fixtures.slug, larger);
			tx.setRollbackOnly();
		});
		assertThat(NoticesHeld.of(this.jdbc, waiting.accountId())).hasSize(1);

		this.editor.update(admin, "admin", this.fixtures.slug, larger);
		assertThat(NoticesHeld.of(this.jdbc, waiting.accountId()))
			.containsExactly("EVENT_WAITING|Fixture forum|1|" + eventLink, "EVENT_PROMOTED|Fixture forum|" + eventLink);
		assertThat(NoticesHeld.of(this.jdbc, seated.accountId())).containsExactly("EVENT_REGISTRATION|Fixture forum|" + eventLink);
	}

	@Test
	void aCancelledSessionIsAnnouncedToEachRegisteredPersonReleasesTheirSeatsAndStaysOnTheAgenda() {
		Actor seated = delegate();
		Actor waiting = delegate();
		this.registrations.register(seated, "delegate", this.fixtures.slug, this.workshop);
		this.registrations.register(waiting, "delegate", this.fixtures.slug, this.workshop);
		Actor admin = new Actor(NoticesHeld.accountId(this.jdbc, AccountTestSupport.ADMIN), Actor.Role.ADMIN, null, null);
		long version = this.catalogue.session(this.fixtures.event, this.workshop).version();

		// Someone who does not build the programme may not cancel it: nothing changes, nobody hears.
		assertThatThrownBy(() -> this.programme.cancel(seated, "delegate", this.fixtures.slug, this.workshop, version))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		// Nor may a stale page.
		assertThatThrownBy(() -> this.programme.cancel(admin, "admin", this.fixtures.slug, this.workshop, version + 1))
			.isInstanceOf(Refusal.class);
		assertThat(this.catalogue.session(this.fixtures.event, this.workshop).cancelled()).isFalse();
		assertThat(this.jdbc.sql("SELECT count(*) FROM notices WHERE kind = 'SESSION_CANCELLED' AND link = ?")
			.param("/events/" + this.fixtures.slug + "/agenda").query(Long.class).single()).isZero();

		this.programme.cancel(admin, "admin", this.fixtures.slug, this.workshop, version);
		String cancelled = "SESSION_CANCELLED|Workshop|Fixture forum|/events/" + this.fixtures.slug + "/agenda";
		for (Actor d : List.of(seated, waiting)) {
			assertThat(NoticesHeld.of(this.jdbc, d.accountId())).containsOnlyOnce(cancelled);
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM registrations WHERE session_id = ?").param(this.workshop)
			.query(Long.class).single()).isZero();
		// Still on the agenda, marked; it takes no registration any more, and cannot be cancelled twice.
		assertThat(this.catalogue.session(this.fixtures.event, this.workshop).cancelled()).isTrue();
		assertThatThrownBy(() -> this.registrations.register(delegate(), "delegate", this.fixtures.slug, this.workshop))
			.isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> this.programme.cancel(admin, "admin", this.fixtures.slug, this.workshop, version + 1))
			.isInstanceOf(Refusal.class);
	}

	@Test
	void aCapacityBelowTheSeatsTakenIsRefusedOnTheFieldAndChangesNothing() {
		this.jdbc.sql("UPDATE sessions SET capacity = 2 WHERE id = ?").param(this.workshop).update();
		this.registrations.register(delegate(), "delegate", this.fixtures.slug, this.workshop);
		this.registrations.register(delegate(), "delegate", this.fixtures.slug, this.workshop);
		Actor admin = new Actor(NoticesHeld.accountId(this.jdbc, AccountTestSupport.ADMIN), Actor.Role.ADMIN, null, null);
		SessionForm now = SessionForm.of(this.catalogue.session(this.fixtures.event, this.workshop), EventFixtures.BRUSSELS);
		SessionForm fewer = new SessionForm(now.title(), "", "", now.abstractText(), "", "", now.day(), now.startTime(),
				now.endTime(), now.roomId(), now.trackId(), now.kind(), now.languages(), now.speakerIds(), 1, now.version());
		assertThatThrownBy(() -> this.programme.update(admin, "admin", this.fixtures.slug, this.workshop, fewer))
			.isInstanceOfSatisfying(Refusal.class, r -> {
				assertThat(r.field()).isEqualTo("capacity");
				assertThat(r.messageKey()).isEqualTo("event.session.error.capacityBelowTaken");
				assertThat(r.arguments()).containsExactly(2L);
			});
		assertThat(this.catalogue.session(this.fixtures.event, this.workshop).capacity()).isEqualTo(2);
		SessionForm more = new SessionForm(now.title(), "", "", now.abstractText(), "", "", now.day(), now.startTime(),
				now.endTime(), now.roomId(), now.trackId(), now.kind(), now.languages(), now.speakerIds(), 3, now.version());
		this.programme.update(admin, "admin", this.fixtures.slug, this.workshop, more);
		assertThat(this.catalogue.session(this.fixtures.event, this.workshop).capacity()).isEqualTo(3);
	}
}
