package org.citybridge.funding;

import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A call as staff enter it: opening and closing as local date-times in the call's own IANA zone. */
record CallForm(
		@NotBlank(message = "{funding.call.title.required}") @Size(max = 300, message = "{funding.call.title.size}") String title,
		@NotNull(message = "{funding.call.opens.required}") @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime opens,
		@NotNull(message = "{funding.call.closes.required}") @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime closes,
		@NotBlank(message = "{funding.call.zone.required}") @Size(max = 64, message = "{funding.call.zone.invalid}") String zone,
		@Size(max = 200, message = "{funding.instrument.text.size}") String budget,
		@Size(max = 500, message = "{funding.instrument.text.size}")
		@Pattern(regexp = "^(https?://\\S+)?$", message = "{funding.link.pattern}") String url,
		long version) {

	static CallForm empty() {
		return new CallForm("", null, null, "Europe/Brussels", "", "", 0);
	}

	static CallForm of(Call call) {
		return new CallForm(call.title(), call.opensAt().atZone(call.zone()).toLocalDateTime(),
				call.closesAt().atZone(call.zone()).toLocalDateTime(), call.zone().getId(),
				call.budget() == null ? "" : call.budget(), call.url() == null ? "" : call.url(), call.version());
	}

	/**
	 * The exact instant of a local date-time in a zone. In a spring-forward gap the clock time does
	 * not exist and moves forward by the gap (02:30 becomes 03:30); in an autumn overlap the earlier
	 * of the two instants is taken, so a deadline never silently slips by an hour.
	 */
	static java.time.Instant instant(LocalDateTime local, ZoneId zone) {
		return local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
	}
}
