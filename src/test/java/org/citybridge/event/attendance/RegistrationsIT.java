package org.citybridge.event.attendance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.citybridge.IntegrationTest;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventFixtures;
import org.citybridge.event.EventNotFound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seats and waiting lists, decided by PostgreSQL, with real threads registering at the same instant. */
@IntegrationTest
class RegistrationsIT {

	@Autowired
	JdbcClient jdbc;

	/** Registrations as on 1 March 2025, before the fixture event (28 to 30 March 2025) ends. */
	Registrations registrations;

	/** Registrations by the portal's own clock, for which the fixture event is long over. */
	@Autowired
	Registrations today;

	@Autowired
	EventCatalogue catalogue;

	@Autowired
	org.citybridge.audit.AuditLog audit;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	AttendanceNotices notices;

	EventFixtures fixtures;

	long workshop;

	@BeforeEach
	void setUp() {
		this.registrations = new Registrations(this.jdbc, this.catalogue, this.audit, this.transactions,
				java.time.Clock.fixed(java.time.Instant.parse("2025-03-01T09:00:00Z"), java.time.ZoneOffset.UTC),
				this.notices);
		this.fixtures = new EventFixtures(this.jdbc);
		this.workshop = this.fixtures.session("Workshop", this.fixtures.room, EventFixtures.at(28, 10, 0),
				EventFixtures.at(28, 12, 0));
		this.jdbc.sql("UPDATE sessions SET capacity = 30 WHERE id = ?").param(this.workshop).update();
	}

	record Row(long account, String status, Integer position, long recorded) {
	}

	List<Row> rows(Long session) {
		return this.jdbc.sql("""
				SELECT account_id, status, position, recorded FROM registrations
				WHERE event_id = ? AND target = coalesce(CAST(? AS bigint), 0) ORDER BY recorded
				""").params(this.fixtures.event, session)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3), rs.getLong(4)))
			.list();
	}

	@Test
	void twoHundredDelegatesAtTheSameInstantGetThirtySeatsAndAGaplessWaitingListInRecordedOrder() throws Exception {
		List<Actor> delegates = IntStream.range(0, 200).mapToObj(i -> this.fixtures.delegate()).toList();
		CountDownLatch ready = new CountDownLatch(delegates.size());
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(delegates.size());
		try {
			List<Future<Registrations.Registration>> results = new ArrayList<>();
			for (Actor delegate : delegates) {
				results.add(threads.submit(() -> {
					ready.countDown();
					start.await();
					return this.registrations.register(delegate, "delegate", this.fixtures.slug, this.workshop);
				}));
			}
			assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
			start.countDown();
			int confirmed = 0;
			for (Future<Registrations.Registration> result : results) {
				if (result.get(120, TimeUnit.SECONDS).confirmed()) {
					confirmed++;
				}
			}
			assertThat(confirmed).isEqualTo(30);
		}
		finally {
			threads.shutdownNow();
		}

		List<Row> rows = rows(this.workshop);
		assertThat(rows).hasSize(200);
		// In the order the database recorded them: the first 30 got seats, then positions 1..170.
		assertThat(rows.subList(0, 30)).allMatch(r -> r.status().equals("CONFIRMED") && r.position() == null);
		assertThat(rows.subList(30, 200).stream().map(Row::position).toList())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 170).boxed().toList());
		assertThat(rows.subList(30, 200)).allMatch(r -> r.status().equals("WAITING"));

		// One confirmed delegate cancels: position 1 gets the seat, everyone else moves up by one.
		Row leaving = rows.get(7);
		Row first = rows.get(30);
		Actor leaver = new Actor(leaving.account(), Actor.Role.ADMIN, null, null);
		assertThat(this.registrations.cancel(leaver, "delegate", this.fixtures.slug, this.workshop)).isTrue();
		List<Row> after = rows(this.workshop);
		assertThat(after).hasSize(199);
		assertThat(after.stream().filter(r -> r.status().equals("CONFIRMED")).count()).isEqualTo(30);
		assertThat(after).filteredOn(r -> r.account() == first.account()).singleElement()
			.matches(r -> r.status().equals("CONFIRMED") && r.position() == null);
		List<Row> waiting = after.stream().filter(r -> r.status().equals("WAITING")).toList();
		assertThat(waiting.stream().map(Row::position).toList())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 169).boxed().toList());
		assertThat(waiting.stream().map(Row::account).toList())
			.containsExactlyElementsOf(rows.subList(31, 200).stream().map(Row::account).toList());
	}

	@Test
	void leavingTheWaitingListMovesOnlyThoseBehindUp() {
		this.jdbc.sql("UPDATE sessions SET capacity = 1 WHERE id = ?").param(this.workshop).update();
		List<Actor> delegates = IntStream.range(0, 4).mapToObj(i -> this.fixtures.delegate()).toList();
		delegates.forEach(d -> this.registrations.register(d, "delegate", this.fixtures.slug, this.workshop));
		assertThat(rows(this.workshop).stream().map(Row::position).toList()).containsExactly(null, 1, 2, 3);
		this.registrations.cancel(delegates.get(2), "delegate", this.fixtures.slug, this.workshop);
		List<Row> after = rows(this.workshop);
		assertThat(after.stream().map(Row::account).toList()).containsExactly(delegates.get(0).accountId(),
				delegates.get(1).accountId(), delegates.get(3).accountId());
		assertThat(after.stream().map(Row::position).toList()).containsExactly(null, 1, 2);
	}

	/** More seats go to the first people waiting, in order, as a cancellation's seat does. */
	@Test
	void raisingTheCapacityConfirmsTheFirstWaitingInOrderAndMovesTheRestUp() {
		this.jdbc.sql("UPDATE sessions SET capacity = 1 WHERE id = ?").param(this.workshop).update();
		List<Actor> delegates = IntStream.range(0, 5).mapToObj(i -> this.fixtures.delegate()).toList();
		delegates.forEach(d -> this.registrations.register(d, "delegate", this.fixtures.slug, this.workshop));
		this.jdbc.sql("UPDATE sessions SET capacity = 3 WHERE id = ?").param(this.workshop).update();
		assertThat(rows(this.workshop)).extracting(Row::status, Row::position)
			.containsExactly(tuple("CONFIRMED", null), tuple("CONFIRMED", null), tuple("CONFIRMED", null),
					tuple("WAITING", 1), tuple("WAITING", 2));
		Registrations.Registration next = this.registrations.register(this.fixtures.delegate(), "delegate",
				this.fixtures.slug, this.workshop);
		assertThat(next.status()).isEqualTo(RegistrationState.WAITING);
		assertThat(next.position()).isEqualTo(3);
		this.jdbc.sql("UPDATE sessions SET capacity = NULL WHERE id = ?").param(this.workshop).update();
		assertThat(rows(this.workshop)).extracting(Row::status).containsOnly("CONFIRMED").hasSize(6);
	}

	/** Confirmed delegates keep their seats: a capacity below their number is refused by the database. */
	@Test
	void aCapacityBelowTheSeatsAlreadyConfirmedIsRefused() {
		this.jdbc.sql("UPDATE events SET registration_open = true, capacity = 3 WHERE id = ?").param(this.fixtures.event).update();
		List<Actor> delegates = IntStream.range(0, 4).mapToObj(i -> this.fixtures.delegate()).toList();
		delegates.forEach(d -> this.registrations.register(d, "delegate", this.fixtures.slug, null));
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE events SET capacity = 2 WHERE id = ?").param(this.fixtures.event).update())
			.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class)
			.hasMessageContaining("registrations_capacity_ck");
		assertThat(rows(null)).extracting(Row::status).containsExactly("CONFIRMED", "CONFIRMED", "CONFIRMED", "WAITING");
		this.jdbc.sql("UPDATE events SET capacity = 3 WHERE id = ?").param(this.fixtures.event).update();
		this.jdbc.sql("UPDATE events SET capacity = 4 WHERE id = ?").param(this.fixtures.event).update();
		assertThat(rows(null)).extracting(Row::status).containsOnly("CONFIRMED");
	}

	@Test
	void theEventItselfTakesRegistrationsOnlyWhenOpenAndUpToItsCapacity() {
		Actor one = this.fixtures.delegate();
		Actor two = this.fixtures.delegate();
		assertThatThrownBy(() -> this.registrations.register(one, "delegate", this.fixtures.slug, null))
			.isInstanceOf(Refusal.class).hasMessage("event.registration.error.closed");
		this.jdbc.sql("UPDATE events SET registration_open = true, capacity = 1 WHERE id = ?").param(this.fixtures.event).update();
		assertThat(this.registrations.register(one, "delegate", this.fixtures.slug, null).confirmed()).isTrue();
		Registrations.Registration waiting = this.registrations.register(two, "delegate", this.fixtures.slug, null);
		assertThat(waiting.status()).isEqualTo(RegistrationState.WAITING);
		assertThat(waiting.position()).isEqualTo(1);
		this.registrations.cancel(one, "delegate", this.fixtures.slug, null);
		assertThat(this.registrations.of(two, this.fixtures.event, null)).get()
			.matches(Registrations.Registration::confirmed);
	}

	@Test
	void refusesASecondRegistrationASessionWithoutSeatsAndAnonymousVisitors() {
		Actor delegate = this.fixtures.delegate();
		this.registrations.register(delegate, "delegate", this.fixtures.slug, this.workshop);
		assertThatThrownBy(() -> this.registrations.register(delegate, "delegate", this.fixtures.slug, this.workshop))
			.isInstanceOf(Refusal.class).hasMessage("event.registration.error.already");
		long open = this.fixtures.session("Open panel", this.fixtures.otherRoom, EventFixtures.at(28, 10, 0),
				EventFixtures.at(28, 11, 0));
		assertThatThrownBy(() -> this.registrations.register(delegate, "delegate", this.fixtures.slug, open))
			.isInstanceOf(Refusal.class).hasMessage("event.registration.error.noSeats");
		assertThatThrownBy(() -> this.registrations.register(Actor.ANONYMOUS, "x", this.fixtures.slug, this.workshop))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.registrations.register(delegate, "delegate", this.fixtures.slug, 999_999_999L))
			.isInstanceOf(EventNotFound.class);
	}

	@Test
	void theDatabaseAssignsSeatsWhateverTheCallerClaimsAndRefusesToReorderTheList() {
		this.jdbc.sql("UPDATE sessions SET capacity = 1 WHERE id = ?").param(this.workshop).update();
		Actor one = this.fixtures.delegate();
		Actor two = this.fixtures.delegate();
		this.registrations.register(one, "delegate", this.fixtures.slug, this.workshop);
		this.jdbc.sql("""
				INSERT INTO registrations (event_id, session_id, account_id, status, position) VALUES (?, ?, ?, 'CONFIRMED', NULL)
				""").params(this.fixtures.event, this.workshop, two.accountId()).update();
		assertThat(this.registrations.of(two, this.fixtures.event, this.workshop)).get()
			.matches(r -> r.status() == RegistrationState.WAITING && r.position() == 1);
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE registrations SET status = 'CONFIRMED', position = NULL WHERE account_id = ?")
			.param(two.accountId()).update()).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("registrations_order_ck");
	}

	@Test
	void nobodyRegistersOnceTheEventHasEndedInItsOwnZone() {
		this.jdbc.sql("UPDATE events SET registration_open = true WHERE id = ?").param(this.fixtures.event).update();
		Actor delegate = this.fixtures.delegate();
		assertThatThrownBy(() -> this.today.register(delegate, "delegate", this.fixtures.slug, this.workshop))
			.isInstanceOf(Refusal.class).hasMessage("event.registration.error.ended");
		assertThatThrownBy(() -> this.today.register(delegate, "delegate", this.fixtures.slug, null))
			.isInstanceOf(Refusal.class).hasMessage("event.registration.error.ended");
		assertThat(rows(this.workshop)).isEmpty();
		EventCatalogue.Event event = this.catalogue.bySlug(this.fixtures.slug);
		// The last day is 30 March 2025 in Brussels (summer time from that morning): it ends at 22:00 UTC.
		assertThat(Registrations.ended(event, java.time.Instant.parse("2025-03-30T21:59:59Z"))).isFalse();
		assertThat(Registrations.ended(event, java.time.Instant.parse("2025-03-30T22:00:00Z"))).isTrue();
	}

	@Test
	void aClosedEventIsRefusedByTheServiceAndByTheDatabase() {
		Actor delegate = this.fixtures.delegate();
		assertThatThrownBy(() -> this.registrations.register(delegate, "delegate", this.fixtures.slug, null))
			.isInstanceOf(Refusal.class).hasMessage("event.registration.error.closed");
		assertThatThrownBy(() -> this.jdbc.sql("INSERT INTO registrations (event_id, account_id, status) VALUES (?, ?, 'WAITING')")
			.params(this.fixtures.event, delegate.accountId()).update()).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("registrations_open_ck");
	}
}
