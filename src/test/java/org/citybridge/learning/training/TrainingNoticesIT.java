package org.citybridge.learning.training;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.notice.NoticesHeld;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citybridge.DemoPlaces.DARKHAN;

/**
 * Whoever enrols hears where they stand (a seat, or a place in the queue); whoever moves up into a
 * freed or added seat hears of it; a participant hears they completed the programme; a refused or
 * rolled-back change says nothing.
 */
class TrainingNoticesIT extends DemoDataIntegrationTest {

	@Autowired
	Training training;

	@Autowired
	TransactionTemplate transactions;

	long cemr;

	long darkhan;

	@BeforeEach
	void setUp() {
		this.cemr = this.jdbc.sql("SELECT id FROM organisations WHERE short_name = 'CEMR'").query(Long.class).single();
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
	}

	Actor staff() {
		return new Actor(NoticesHeld.accountId(this.jdbc, AccountTestSupport.STAFF_CEMR), Actor.Role.STAFF, null, this.cemr);
	}

	List<Actor> officers(int n) {
		List<Actor> officers = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			officers.add(new Actor(NoticesHeld.officer(this.jdbc, this.darkhan), Actor.Role.OFFICER, this.darkhan, null));
		}
		return officers;
	}

	@Test
	void enrollingWaitingMovingUpAndCompletingAreEachAnnouncedToThePersonOnce() {
		String title = "Notices course " + System.nanoTime();
		LocalDateTime starts = LocalDateTime.now().minusDays(1);
		long id = this.training.create(staff(), "staff", new ProgrammeForm(title, TrainingTopic.EU_POLICIES,
				TrainingFormat.ONLINE, "en", starts, starts.plusDays(5), "Asia/Ulaanbaatar", 1, "Provider", "", 0L));
		String link = "/learn/training/" + id;
		List<Actor> people = officers(3);
		Actor first = people.get(0);
		Actor second = people.get(1);
		Actor third = people.get(2);
		for (Actor person : people) {
			this.training.enrol(person, "officer", id);
		}
		assertThat(NoticesHeld.of(this.jdbc, first.accountId())).containsExactly("ENROLMENT|" + title + "|" + link);
		assertThat(NoticesHeld.of(this.jdbc, second.accountId())).containsExactly("ENROLMENT_WAITING|" + title + "|1|" + link);
		assertThat(NoticesHeld.of(this.jdbc, third.accountId())).containsExactly("ENROLMENT_WAITING|" + title + "|2|" + link);

		// Enrolling twice is refused, and says nothing.
		assertThatThrownBy(() -> this.training.enrol(first, "officer", id)).isInstanceOf(Refusal.class);
		assertThat(NoticesHeld.of(this.jdbc, first.accountId())).hasSize(1);

		// A cancellation rolled back moves nobody up and tells nobody.
		this.transactions.executeWithoutResult(tx -> {
			this.training.cancel(first, "officer", id);
			tx.setRollbackOnly();
		});
		assertThat(NoticesHeld.of(this.jdbc, second.accountId())).hasSize(1);

		// The first gives up their seat: the first in the queue takes it and hears of it; the third only moves up.
		this.training.cancel(first, "officer", id);
		assertThat(NoticesHeld.of(this.jdbc, second.accountId())).containsExactly(
				"ENROLMENT_WAITING|" + title + "|1|" + link, "ENROLMENT_PROMOTED|" + title + "|" + link);
		assertThat(NoticesHeld.of(this.jdbc, third.accountId())).hasSize(1);
		assertThat(NoticesHeld.of(this.jdbc, first.accountId())).hasSize(1);

		// More seats: the rest of the queue moves in.
		Training.Course course = this.training.programme(id);
		this.training.update(staff(), "staff", id, new ProgrammeForm(title, TrainingTopic.EU_POLICIES, TrainingFormat.ONLINE,
				"en", starts, starts.plusDays(5), "Asia/Ulaanbaatar", 3, "Provider", "", course.version()));
		assertThat(NoticesHeld.of(this.jdbc, third.accountId())).containsExactly(
				"ENROLMENT_WAITING|" + title + "|2|" + link, "ENROLMENT_PROMOTED|" + title + "|" + link);

		long enrolment = this.jdbc.sql("SELECT id FROM training_enrolments WHERE programme_id = ? AND account_id = ?")
			.params(id, second.accountId()).query(Long.class).single();
		this.training.complete(staff(), "staff", id, enrolment);
		assertThat(NoticesHeld.of(this.jdbc, second.accountId())).endsWith("TRAINING_COMPLETED|" + title + "|" + link);
		// Completing twice is refused, and says nothing more.
		assertThatThrownBy(() -> this.training.complete(staff(), "staff", id, enrolment)).isInstanceOf(Refusal.class);
		assertThat(NoticesHeld.of(this.jdbc, second.accountId())).hasSize(3);
	}
}
