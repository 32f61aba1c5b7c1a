package org.citybridge.event;

import org.citybridge.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citybridge.event.EventFixtures.at;

/** PostgreSQL itself refuses a programme that cannot be. */
@IntegrationTest
class EventConstraintsIT {

	@Autowired
	JdbcClient jdbc;

	EventFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new EventFixtures(this.jdbc);
	}

	@Test
	void refusesTwoOverlappingSessionsInOneRoom() {
		this.fixtures.session("First", this.fixtures.room, at(28, 10, 0), at(28, 11, 0));
		assertThatThrownBy(() -> this.fixtures.session("Second", this.fixtures.room, at(28, 10, 30), at(28, 11, 30)))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("sessions_room_no_overlap");
	}

	@Test
	void acceptsBackToBackSessionsInOneRoomAndOverlappingOnesInTwoRooms() {
		this.fixtures.session("First", this.fixtures.room, at(28, 10, 0), at(28, 11, 0));
		this.fixtures.session("Next", this.fixtures.room, at(28, 11, 0), at(28, 12, 0));
		this.fixtures.session("Elsewhere", this.fixtures.otherRoom, at(28, 10, 30), at(28, 11, 30));
		assertThat(count()).isEqualTo(3);
	}

	@Test
	void refusesASpeakerInTwoOverlappingSessions() {
		long first = this.fixtures.session("First", this.fixtures.room, at(28, 10, 0), at(28, 11, 0));
		long second = this.fixtures.session("Second", this.fixtures.otherRoom, at(28, 10, 30), at(28, 11, 30));
		this.fixtures.speaks(first, this.fixtures.speaker);
		assertThatThrownBy(() -> this.fixtures.speaks(second, this.fixtures.speaker))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("session_speakers_no_overlap");
	}

	@Test
	void refusesMovingASessionOntoItsSpeakersOtherSession() {
		long first = this.fixtures.session("First", this.fixtures.room, at(28, 10, 0), at(28, 11, 0));
		long later = this.fixtures.session("Later", this.fixtures.otherRoom, at(28, 14, 0), at(28, 15, 0));
		this.fixtures.speaks(first, this.fixtures.speaker);
		this.fixtures.speaks(later, this.fixtures.speaker);
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE sessions SET starts_at = ?, ends_at = ? WHERE id = ?")
			.params(EventFixtures.brussels(at(28, 10, 30)), EventFixtures.brussels(at(28, 11, 30)), later).update())
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("session_speakers_no_overlap");
	}

	@Test
	void keepsTheSpeakersTimeInStepWithTheSessionAndIgnoresWhatTheCallerPasses() {
		long session = this.fixtures.session("First", this.fixtures.room, at(28, 10, 0), at(28, 11, 0));
		this.jdbc.sql("INSERT INTO session_speakers (session_id, speaker_id, during) VALUES (?, ?, tstzrange('2000-01-01', '2000-01-02'))")
			.params(session, this.fixtures.speaker).update();
		this.jdbc.sql("UPDATE sessions SET starts_at = ?, ends_at = ? WHERE id = ?")
			.params(EventFixtures.brussels(at(29, 9, 0)), EventFixtures.brussels(at(29, 10, 0)), session).update();
		assertThat(this.jdbc.sql("""
				SELECT ss.during = tstzrange(s.starts_at, s.ends_at) FROM session_speakers ss JOIN sessions s ON s.id = ss.session_id
				WHERE ss.session_id = ?""").param(session).query(Boolean.class).single()).isTrue();
	}

	@Test
	void refusesASessionThatEndsBeforeItStarts() {
		assertThatThrownBy(() -> this.fixtures.session("Backwards", this.fixtures.room, at(28, 11, 0), at(28, 10, 0)))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("sessions_end_after_start_ck");
		assertThatThrownBy(() -> this.fixtures.session("Empty", this.fixtures.room, at(28, 11, 0), at(28, 11, 0)))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void refusesASessionOutsideTheEventsDatesInTheEventsZone() {
		// 28–30 March 2025 in Brussels; summer time starts on 30 March, so the last day is 23 hours long.
		this.fixtures.session("First minute", null, at(28, 0, 0), at(28, 1, 0));
		this.fixtures.session("Last hour", null, at(30, 23, 0), at(31, 0, 0));
		assertThatThrownBy(() -> this.fixtures.session("Too early", null, at(27, 23, 30), at(28, 0, 30)))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("sessions_within_event_ck");
		assertThatThrownBy(() -> this.fixtures.session("Too late", null, at(30, 23, 30), at(31, 0, 30)))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("sessions_within_event_ck");
	}

	@Test
	void refusesARoomOfAnotherEvent() {
		EventFixtures other = new EventFixtures(this.jdbc);
		assertThatThrownBy(() -> this.fixtures.session("Borrowed room", other.room, at(28, 10, 0), at(28, 11, 0)))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("sessions_room_fk");
	}

	private long count() {
		return this.jdbc.sql("SELECT count(*) FROM sessions WHERE event_id = ?").param(this.fixtures.event).query(Long.class)
			.single();
	}
}
