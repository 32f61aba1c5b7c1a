package org.citybridge.event;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A session as staff enter it: day and times in the event's own time zone. */
public record SessionForm(
		@NotBlank(message = "{event.session.title.required}") @Size(max = 300, message = "{event.session.title.size}") String title,
		@Size(max = 4000, message = "{event.session.abstract.size}") String abstractText,
		@NotNull(message = "{event.session.day.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
		@NotNull(message = "{event.session.time.required}") @DateTimeFormat(pattern = "HH:mm") LocalTime startTime,
		@NotNull(message = "{event.session.time.required}") @DateTimeFormat(pattern = "HH:mm") LocalTime endTime,
		Long roomId, Long trackId,
		@NotNull(message = "{event.session.kind.required}") SessionKind kind,
		@Size(max = 200, message = "{event.session.languages.size}") String languages,
		List<Long> speakerIds, long version) {

	public static SessionForm empty(LocalDate day) {
		return new SessionForm("", "", day, LocalTime.of(9, 0), LocalTime.of(10, 0), null, null, SessionKind.PLENARY, "",
				List.of(), 0);
	}

	public static SessionForm of(EventCatalogue.Session session, java.time.ZoneId zone) {
		var start = session.startsAt().atZone(zone);
		var end = session.endsAt().atZone(zone);
		return new SessionForm(session.title(), session.abstractText(), start.toLocalDate(), start.toLocalTime(),
				end.toLocalTime(), session.roomId(), session.trackId(), session.kind(), session.languages(),
				session.speakers().stream().map(EventCatalogue.Speaker::id).toList(), session.version());
	}

	List<Long> speakers() {
		return this.speakerIds == null ? List.of() : this.speakerIds.stream().filter(id -> id != null).distinct().toList();
	}
}
