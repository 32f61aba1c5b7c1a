package org.citybridge.learning.training;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Training on real PostgreSQL: seats are never oversold when many officers enrol at the same
 * moment, the waiting list keeps gapless positions and moves up when someone leaves, staff of the
 * publishing organisation mark completion, and nobody else may.
 */
class TrainingIT extends DemoDataIntegrationTest {

	@Autowired
	Training training;

	long cemr;

	long nalas;

	long darkhan;

	@BeforeEach
	void setUp() {
		this.cemr = this.jdbc.sql("SELECT id FROM organisations WHERE short_name = 'CEMR'").query(Long.class).single();
		this.nalas = this.jdbc.sql("SELECT id FROM organisations WHERE short_name = 'NALAS'").query(Long.class).single();
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
	}

	Actor staff(long organisationId) {
		return new Actor(accountId(AccountTestSupport.STAFF_CEMR), Actor.Role.STAFF, null, organisationId);
	}

	long accountId(String email) {
		return this.jdbc.sql("SELECT id FROM accounts WHERE lower(email) = lower(?)").param(email).query(Long.class).single();
	}

	List<Actor> officers(String prefix, int n) {
		List<Actor> officers = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			long id = this.jdbc.sql("""
					INSERT INTO accounts (email, display_name, role, municipality_id, enabled) VALUES (?, ?, 'OFFICER', ?, false)
					RETURNING id
					""").params(prefix + i + "@citybridge.example", "Officer " + prefix + i, this.darkhan).query(Long.class).single();
			officers.add(new Actor(id, Actor.Role.OFFICER, this.darkhan, null));
		}
		return officers;
	}

	long programme(int seats, LocalDateTime starts) {
		return this.training.create(staff(this.cemr), "staff", new ProgrammeForm("EU policies " + System.nanoTime(),
				TrainingTopic.EU_POLICIES, TrainingFormat.ONLINE, "en", starts, starts.plusDays(2), "Asia/Ulaanbaatar", seats,
				"Provider", "", 0L));
	}

	List<Integer> waitingPositions(long programmeId) {
		return this.jdbc.sql("SELECT waiting_position FROM training_enrolments WHERE programme_id = ? AND status = 'WAITING' ORDER BY 1")
			.param(programmeId)
			.query(Integer.class)
			.list();
	}

	long count(long programmeId, String status) {
		return this.jdbc.sql("SELECT count(*) FROM training_enrolments WHERE programme_id = ? AND status = ?")
			.params(programmeId, status)
			.query(Long.class)
			.single();
	}

	@Test
	void manyOfficersEnrollingAtOnceNeverOversellTheSeats() throws Exception {
		int seats = 7;
		int officers = 40;
		long programmeId = programme(seats, LocalDateTime.now().plusDays(10));
		List<Actor> people = officers("rush", officers);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(officers);
		try {
			List<Future<EnrolmentStatus>> results = new ArrayList<>();
			for (Actor officer : people) {
				Callable<EnrolmentStatus> enrol = () -> {
					start.await();
					return this.training.enrol(officer, "officer", programmeId);
				};
				results.add(pool.submit(enrol));
			}
			start.countDown();
			long confirmed = 0;
			for (Future<EnrolmentStatus> result : results) {
				if (result.get() == EnrolmentStatus.CONFIRMED) {
					confirmed++;
				}
			}
			assertThat(confirmed).isEqualTo(seats);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count(programmeId, "CONFIRMED")).isEqualTo(seats);
		assertThat(this.training.programme(programmeId).confirmed()).isEqualTo(seats);
		assertThat(waitingPositions(programmeId)).containsExactlyElementsOf(IntStream.rangeClosed(1, officers - seats).boxed().toList());
	}

	@Test
	void aFreedSeatGoesToTheFirstWaitingAndTheQueueMovesUp() {
		long programmeId = programme(2, LocalDateTime.now().plusDays(10));
		List<Actor> people = officers("queue", 5);
		people.forEach(officer -> this.training.enrol(officer, "officer", programmeId));
		assertThat(waitingPositions(programmeId)).containsExactly(1, 2, 3);
		Actor second = people.get(1);
		Actor thirdInQueue = people.get(4);

		this.training.cancel(thirdInQueue, "officer", programmeId);
		assertThat(waitingPositions(programmeId)).containsExactly(1, 2);

		this.training.cancel(second, "officer", programmeId);
		assertThat(this.training.myEnrolment(people.get(2), programmeId).orElseThrow().status()).isEqualTo(EnrolmentStatus.CONFIRMED);
		assertThat(this.training.myEnrolment(people.get(3), programmeId).orElseThrow().position()).isEqualTo(1);
		assertThat(count(programmeId, "CONFIRMED")).isEqualTo(2);
		assertThat(this.training.programme(programmeId).confirmed()).isEqualTo(2);

		assertThatThrownBy(() -> this.training.enrol(people.get(0), "officer", programmeId))
			.isInstanceOf(Refusal.class).hasMessage("learning.enrol.already");
		// Enrolling again after cancelling is a new place at the end of the queue.
		this.training.enrol(second, "officer", programmeId);
		assertThat(this.training.myEnrolment(second, programmeId).orElseThrow().position()).isEqualTo(2);
		assertThat(this.training.history(second.accountId())).extracting(Training.HistoryEntry::status)
			.containsExactlyInAnyOrder(EnrolmentStatus.WAITING, EnrolmentStatus.CANCELLED);
	}

	@Test
	void moreSeatsLetTheQueueInAndFewerThanTakenAreRefused() {
		long programmeId = programme(1, LocalDateTime.now().plusDays(10));
		List<Actor> people = officers("grow", 3);
		people.forEach(officer -> this.training.enrol(officer, "officer", programmeId));
		Training.Course p = this.training.programme(programmeId);
		ProgrammeForm form = ProgrammeForm.of(p);
		this.training.update(staff(this.cemr), "staff", programmeId, new ProgrammeForm(form.title(), form.topic(),
				form.format(), form.language(), form.startsAt(), form.endsAt(), form.timeZone(), 2, form.provider(), "",
				form.version()));
		assertThat(count(programmeId, "CONFIRMED")).isEqualTo(2);
		assertThat(waitingPositions(programmeId)).containsExactly(1);
		Training.Course after = this.training.programme(programmeId);
		ProgrammeForm again = ProgrammeForm.of(after);
		assertThatThrownBy(() -> this.training.update(staff(this.cemr), "staff", programmeId, new ProgrammeForm(again.title(),
				again.topic(), again.format(), again.language(), again.startsAt(), again.endsAt(), again.timeZone(), 1,
				again.provider(), "", again.version()))).isInstanceOf(Refusal.class)
			.hasMessage("learning.training.seats.belowConfirmed");
		// A stale form (old version) is refused, not applied.
		assertThatThrownBy(() -> this.training.update(staff(this.cemr), "staff", programmeId, form))
			.isInstanceOf(Refusal.class).hasMessage("learning.form.stale");
	}

	@Test
	void onlyThePublishersStaffMarkCompletionAndOnlyOfficersEnrol() {
		long programmeId = programme(3, LocalDateTime.now().minusHours(1));
		Actor officer = officers("done", 1).get(0);
		this.training.enrol(officer, "officer", programmeId);
		long enrolmentId = this.training.myEnrolment(officer, programmeId).orElseThrow().id();
		assertThatThrownBy(() -> this.training.complete(staff(this.nalas), "nalas", programmeId, enrolmentId))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.training.complete(officer, "officer", programmeId, enrolmentId))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.training.enrol(staff(this.cemr), "staff", programmeId))
			.isInstanceOf(AccessDeniedException.class);
		this.training.complete(staff(this.cemr), "staff", programmeId, enrolmentId);
		assertThat(this.training.history(officer.accountId())).singleElement()
			.extracting(Training.HistoryEntry::status).isEqualTo(EnrolmentStatus.COMPLETED);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE entity_type = 'training_enrolment'")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void formsRefuseBadValuesAndOthersStaffAndOfficersAreForbidden() {
		assertThat(this.mvc.get().uri("/learn/training/new").with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk();
		assertThat(this.mvc.get().uri("/learn/training/new").with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus(403);
		assertThat(this.mvc.post().uri("/learn/training/new").with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("title", "Mine").param("topic", "EU_POLICIES")).hasStatus(403);
		assertThat(this.mvc.post().uri("/learn/training/new").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("title", "<b>Bad</b>").param("topic", "NOPE").param("format", "ONLINE").param("language", "en")
			.param("startsAt", "2030-02-30T09:00").param("endsAt", "not a time").param("timeZone", "Mars/Olympus")
			.param("seats", "99999999999").param("provider", "")).hasStatusOk().bodyText()
			.contains("value=\"&lt;b&gt;Bad&lt;/b&gt;\"").contains("This value is not in the expected format.");
		assertThat(this.mvc.post().uri("/learn/training/new").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("title", " ").param("topic", "EU_POLICIES").param("format", "ONLINE").param("language", "xx-evil")
			.param("startsAt", "2030-02-10T09:00").param("endsAt", "2030-02-10T12:00").param("timeZone", "Europe/Brussels")
			.param("seats", "0").param("provider", "").param("version", "0")).hasStatusOk().bodyText()
			.contains("Enter who provides the training.").contains("Enter a title.").contains("Enter a number of seats from 1 to 10000.");
		assertThat(this.mvc.post().uri("/learn/training/new").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("title", "Zones").param("topic", "EU_POLICIES").param("format", "ONLINE").param("language", "en")
			.param("startsAt", "2030-02-10T09:00").param("endsAt", "2030-02-10T08:00").param("timeZone", "Mars/Olympus")
			.param("seats", "10").param("provider", "P")).hasStatusOk().bodyText()
			.contains("Enter a time zone such as Europe/Brussels");
		long programmeId = programme(5, LocalDateTime.now().plusDays(3));
		assertThat(this.mvc.get().uri("/learn/training/" + programmeId + "/edit").with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatus(403);
		assertThat(this.mvc.post().uri("/learn/training/" + programmeId + "/edit").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS))
			.param("title", "Taken over")).hasStatus(403);
		assertThat(this.mvc.post().uri("/learn/training/" + programmeId + "/enrol").with(csrf())).hasStatus3xxRedirection();
		assertThat(count(programmeId, "CONFIRMED")).isZero();
		assertThat(this.mvc.post().uri("/learn/training/" + programmeId + "/enrol").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/learn/my").with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk().bodyText()
			.contains("Seat confirmed");
		assertThat(this.mvc.get().uri("/learn/training/" + programmeId).with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk()
			.bodyText().contains("Bat-Erdene Officer (Darkhan)");
		assertThat(this.mvc.get().uri("/learn/training/" + programmeId)).hasStatusOk().bodyText()
			.doesNotContain("Bat-Erdene Officer (Darkhan)");
	}

	@Test
	void unknownOrMalformedProgrammesAre404() {
		assertThat(this.mvc.get().uri("/learn/training/99999999")).hasStatus(404);
		assertThat(this.mvc.get().uri("/learn/training/abc")).hasStatus(404);
		assertThat(this.mvc.get().uri("/learn/training/-1")).hasStatus(404);
		assertThat(this.mvc.get().uri("/learn/training/999999999999999999999999")).hasStatus(404);
		assertThat(this.mvc.post().uri("/learn/training/99999999/enrol").with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/learn/my")).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/learn")).hasStatusOk().bodyText().contains("href=\"/learn\" aria-current=\"page\"");
	}
}
