package org.citybridge.event;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A session as staff enter it: day and times in the event's own time zone; title and abstract
 * with optional Mongolian and French translations (issue 20); the seats, when it takes
 * registrations of its own (never fewer than those taken: PostgreSQL says how many).
 */
public record SessionForm(
		@NotBlank(message = "{event.session.title.required}") @Size(max = 300, message = "{event.session.title.size}") String title,
		@Size(max = 300, message = "{event.session.title.size}") String titleMn,
		@Size(max = 300, message = "{event.session.title.size}") String titleFr,
		@Size(max = 4000, message = "{event.session.abstract.size}") String abstractText,
		@Size(max = 4000, message = "{event.session.abstract.size}") String abstractTextMn,
		@Size(max = 4000, message = "{event.session.abstract.size}") String abstractTextFr,
		@NotNull(message = "{event.session.day.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
		@NotNull(message = "{event.session.time.required}") @DateTimeFormat(pattern = "HH:mm") LocalTime startTime,
		@NotNull(message = "{event.session.time.required}") @DateTimeFormat(pattern = "HH:mm") LocalTime endTime,
		Long roomId, Long trackId,
		@NotNull(message = "{event.session.kind.required}") SessionKind kind,
		@Size(max = 200, message = "{event.session.languages.size}") String languages,
		List<Long> speakerIds,
		@Min(value = 1, message = "{event.session.capacity.range}") @Max(value = 100000, message = "{event.session.capacity.range}") Integer capacity,
		long version) {

	public static SessionForm empty(LocalDate day) {
		return new SessionForm("", "", "", "", "", "", day, LocalTime.of(9, 0), LocalTime.of(10, 0), null, null,
				SessionKind.PLENARY, "", List.of(), null, 0);
	}

	public static SessionForm of(EventCatalogue.Session session, java.time.ZoneId zone) {
		var start = session.startsAt().atZone(zone);
		var end = session.endsAt().atZone(zone);
		var i18n = session.i18n();
		return new SessionForm(session.title(), i18n.given("title", "mn"), i18n.given("title", "fr"),
				session.abstractText(), i18n.given("abstract", "mn"), i18n.given("abstract", "fr"), start.toLocalDate(),
				start.toLocalTime(), end.toLocalTime(), session.roomId(), session.trackId(), session.kind(),
				session.languages(), session.speakers().stream().map(EventCatalogue.Speaker::id).toList(),
				session.capacity(), session.version());
	}

	/** The translations as the row keeps them (V60). */
	String translations() {
		return org.citybridge.system.translation.Translations.given()
			.field("title", this.titleMn, this.titleFr)
			.field("abstract", this.abstractTextMn, this.abstractTextFr)
			.json();
	}

	List<Long> speakers() {
		return this.speakerIds == null ? List.of() : this.speakerIds.stream().filter(id -> id != null).distinct().toList();
	}
}
