package org.citybridge.event.programme;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.attendance.PersonalAgendas;
import org.citybridge.event.SessionKind;

import static org.assertj.core.api.Assertions.assertThat;

/** The agenda's times around a daylight-saving change, its timetable and its now / next markers. */
class AgendaViewTest {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	static final ZoneId ULAANBAATAR = ZoneId.of("Asia/Ulaanbaatar");

	static EventCatalogue.Session session(long id, String room, String starts, String ends) {
		return new EventCatalogue.Session(id, 1, "Session " + id, null, Instant.parse(starts), Instant.parse(ends), null, room,
				null, null, SessionKind.PANEL, null, false, 0, List.of(), null, null,
				org.citybridge.system.translation.Translations.NONE);
	}

	@Test
	void aForumOverTheLastSundayOfMarchShowsBrusselsWinterThenSummerTimeBesideUlaanbaatar() {
		// Saturday 29 March 2025, 10:00 in Brussels (CET, UTC+1) and Sunday 30 March, 10:00 (CEST, UTC+2).
		EventCatalogue.Session saturday = session(1, "Hall", "2025-03-29T09:00:00Z", "2025-03-29T10:00:00Z");
		EventCatalogue.Session sunday = session(2, "Hall", "2025-03-30T08:00:00Z", "2025-03-30T09:00:00Z");
		AgendaView view = AgendaView.of(List.of(saturday, sunday), BRUSSELS, ULAANBAATAR, Locale.UK);
		assertThat(view.dual()).isTrue();
		assertThat(view.days()).hasSize(2);
		AgendaView.Item sat = view.days().get(0).sessions().get(0);
		AgendaView.Item sun = view.days().get(1).sessions().get(0);
		assertThat(sat.event().label()).isEqualTo("10:00\u201311:00 CET");
		assertThat(sat.event().isoStart()).isEqualTo("2025-03-29T10:00+01:00");
		assertThat(sat.viewer().isoStart()).isEqualTo("2025-03-29T17:00+08:00");
		assertThat(sun.event().label()).isEqualTo("10:00\u201311:00 CEST");
		assertThat(sun.event().isoStart()).isEqualTo("2025-03-30T10:00+02:00");
		// The same local hour in Brussels is one hour earlier in Ulaanbaatar after the change.
		assertThat(sun.viewer().isoStart()).isEqualTo("2025-03-30T16:00+08:00");
		assertThat(sun.viewer().zone()).isNotEqualTo(sun.event().zone());
	}

	@Test
	void aSessionAcrossTheNightIsShownWithTheDateOfTheOtherDay() {
		EventCatalogue.Session late = session(3, "Hall", "2025-03-29T20:00:00Z", "2025-03-29T21:00:00Z");
		AgendaView view = AgendaView.of(List.of(late), BRUSSELS, ULAANBAATAR, Locale.UK);
		AgendaView.Times viewer = view.days().get(0).sessions().get(0).viewer();
		assertThat(viewer.date()).isNotNull();
		assertThat(viewer.isoStart()).isEqualTo("2025-03-30T04:00+08:00");
	}

	@Test
	void marksWhatIsOnNowAndWhatComesNextOnlyWhileTheEventRuns() {
		EventCatalogue.Session first = session(1, "Hall", "2025-03-29T09:00:00Z", "2025-03-29T10:00:00Z");
		EventCatalogue.Session second = session(2, "Room B", "2025-03-29T09:30:00Z", "2025-03-29T10:30:00Z");
		EventCatalogue.Session third = session(3, "Hall", "2025-03-29T11:00:00Z", "2025-03-29T12:00:00Z");
		EventCatalogue.Session fourth = session(4, "Room B", "2025-03-29T11:00:00Z", "2025-03-29T12:30:00Z");
		List<EventCatalogue.Session> all = List.of(first, second, third, fourth);
		AgendaView during = AgendaView.of(all, BRUSSELS, null, Locale.UK, Instant.parse("2025-03-29T09:45:00Z"), all);
		assertThat(during.live()).isTrue();
		assertThat(during.days().get(0).sessions()).extracting(AgendaView.Item::marker).containsExactly(AgendaView.Marker.NOW,
				AgendaView.Marker.NOW, AgendaView.Marker.NEXT, AgendaView.Marker.NEXT);
		AgendaView before = AgendaView.of(all, BRUSSELS, null, Locale.UK, Instant.parse("2025-03-28T09:45:00Z"), all);
		assertThat(before.live()).isFalse();
		assertThat(before.days().get(0).sessions()).extracting(AgendaView.Item::marker).containsOnlyNulls();
		AgendaView after = AgendaView.of(all, BRUSSELS, null, Locale.UK, Instant.parse("2025-03-29T12:30:00Z"), all);
		assertThat(after.days().get(0).sessions()).extracting(AgendaView.Item::marker).containsOnlyNulls();
	}

	@Test
	void theTimetableHasOneColumnPerRoomAndOneRowPerStartTime() {
		EventCatalogue.Session first = session(1, "Hall", "2025-03-29T09:00:00Z", "2025-03-29T10:00:00Z");
		EventCatalogue.Session second = session(2, "Annex", "2025-03-29T09:00:00Z", "2025-03-29T10:30:00Z");
		EventCatalogue.Session third = session(3, null, "2025-03-29T11:00:00Z", "2025-03-29T12:00:00Z");
		AgendaView.Day day = AgendaView.of(List.of(first, second, third), BRUSSELS, null, Locale.UK).days().get(0);
		assertThat(day.rooms()).containsExactly("Annex", "Hall", "");
		assertThat(day.slots()).hasSize(2);
		assertThat(day.slots().get(0).cells().get(0)).extracting(i -> i.session().id()).containsExactly(2L);
		assertThat(day.slots().get(0).cells().get(1)).extracting(i -> i.session().id()).containsExactly(1L);
		assertThat(day.slots().get(1).cells().get(2)).extracting(i -> i.session().id()).containsExactly(3L);
	}

	@Test
	void aLongProgrammeOpensOnTodayWhileTheEventRunsElseOnItsFirstDayAndShowsEverythingWhenAsked() {
		List<EventCatalogue.Session> all = List.of(session(1, "Hall", "2025-03-28T09:00:00Z", "2025-03-28T10:00:00Z"),
				session(2, "Hall", "2025-03-29T09:00:00Z", "2025-03-29T10:00:00Z"),
				session(3, "Hall", "2025-03-30T08:00:00Z", "2025-03-30T09:00:00Z"));
		AgendaView during = AgendaView.of(all, BRUSSELS, null, Locale.UK, Instant.parse("2025-03-29T12:00:00Z"), all, null, 2);
		assertThat(during.shown()).isEqualTo("2025-03-29");
		assertThat(during.days()).extracting(AgendaView.Day::iso).containsExactly("2025-03-29");
		assertThat(during.tabs()).extracting(AgendaView.DayTab::count).containsExactly(1, 1, 1);
		AgendaView before = AgendaView.of(all, BRUSSELS, null, Locale.UK, Instant.parse("2025-03-01T12:00:00Z"), all, null, 2);
		assertThat(before.shown()).isEqualTo("2025-03-28");
		AgendaView asked = AgendaView.of(all, BRUSSELS, null, Locale.UK, Instant.parse("2025-03-29T12:00:00Z"), all, "2025-03-30", 2);
		assertThat(asked.days()).extracting(AgendaView.Day::iso).containsExactly("2025-03-30");
		AgendaView whole = AgendaView.of(all, BRUSSELS, null, Locale.UK, Instant.parse("2025-03-29T12:00:00Z"), all, "all", 2);
		assertThat(whole.oneDay()).isFalse();
		assertThat(whole.days()).hasSize(3);
		// Short enough to show at once: all days, unless one is asked for.
		assertThat(AgendaView.of(all, BRUSSELS, null, Locale.UK, null, all, null, 40).days()).hasSize(3);
		assertThat(AgendaView.of(all, BRUSSELS, null, Locale.UK, null, all, "2025-03-28", 40).days()).hasSize(1);
	}

	@Test
	void aSharedListKeepsNumbersOnlyOnceAndShrugsOffTheRest() {
		assertThat(PersonalAgendas.shared("12,15,abc,-3,15,,18")).containsExactly(12L, 15L, 18L);
		assertThat(PersonalAgendas.shared(null)).isEmpty();
		assertThat(PersonalAgendas.shared("9".repeat(40))).isEmpty();
		assertThat(PersonalAgendas.shared("1,".repeat(1000) + "2")).containsExactly(1L);
	}
}
