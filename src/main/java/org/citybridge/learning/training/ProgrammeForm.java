package org.citybridge.learning.training;

import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A training programme as staff enter it: start and end in the programme's own time zone. */
record ProgrammeForm(
		@NotBlank(message = "{learning.training.title.required}") @Size(max = 300, message = "{learning.training.title.size}") String title,
		@NotNull(message = "{learning.training.topic.required}") TrainingTopic topic,
		@NotNull(message = "{learning.training.format.required}") TrainingFormat format,
		@NotBlank(message = "{learning.language.required}") @Pattern(regexp = "^[a-z]{2,3}$", message = "{learning.language.invalid}") String language,
		@NotNull(message = "{learning.training.startsAt.required}") @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime startsAt,
		@NotNull(message = "{learning.training.endsAt.required}") @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime endsAt,
		@NotBlank(message = "{learning.training.timeZone.invalid}") @Size(max = 64, message = "{learning.training.timeZone.invalid}") String timeZone,
		@NotNull(message = "{learning.training.seats.invalid}") @Min(value = 1, message = "{learning.training.seats.invalid}")
		@Max(value = 10000, message = "{learning.training.seats.invalid}") Integer seats,
		@NotBlank(message = "{learning.training.provider.required}") @Size(max = 200, message = "{learning.training.provider.size}") String provider,
		@Size(max = 10000, message = "{learning.training.description.size}") String description,
		Long version) {

	static ProgrammeForm empty() {
		LocalDateTime start = LocalDateTime.now().plusDays(30).withHour(9).withMinute(0).withSecond(0).withNano(0);
		return new ProgrammeForm("", TrainingTopic.EU_POLICIES, TrainingFormat.ONLINE, "en", start, start.plusHours(3),
				"Europe/Brussels", 20, "", "", 0L);
	}

	static ProgrammeForm of(Training.Course p) {
		return new ProgrammeForm(p.title(), p.topic(), p.format(), p.language(),
				p.startsAt().atZone(p.zone()).toLocalDateTime(), p.endsAt().atZone(p.zone()).toLocalDateTime(),
				p.zone().getId(), p.seats(), p.provider(), p.description() == null ? "" : p.description(), p.version());
	}

	/** The zone, if the name is a real IANA zone (region based, not a bare offset). */
	ZoneId zone() {
		String name = this.timeZone == null ? "" : this.timeZone.strip();
		return ZoneId.getAvailableZoneIds().contains(name) ? ZoneId.of(name) : null;
	}
}
