package org.citybridge.agreement.activities;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * An activity as the browser sends it: what kind, a short title, when, themes, how many took part,
 * the instrument that paid for it (one of the portal's, or named in words, with its call), the
 * outcome, the place (one of the parties), the case studies that tell about it, an optional
 * document, and the version the editor started from (optimistic locking).
 */
record ActivityForm(
		@NotNull(message = "{activity.error.kind.required}") ActivityKind kind,
		@NotBlank(message = "{activity.error.title.required}") @Size(max = 200, message = "{activity.error.title.size}") String title,
		@NotNull(message = "{activity.error.startsOn.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
		@Min(value = 1, message = "{activity.error.participants.range}") @Max(value = 100000, message = "{activity.error.participants.range}") Integer participants,
		List<String> themes,
		Long instrumentId,
		@Size(max = 300, message = "{activity.error.fundingText.size}") String fundingText,
		@Size(max = 2000, message = "{activity.error.outcome.size}") String outcome,
		Long placeId,
		List<Long> caseStudyIds,
		MultipartFile document,
		Long version,
		Long checkIn) {

	static ActivityForm empty(ActivityKind kind, LocalDate today, Long checkIn) {
		return new ActivityForm(kind, null, today, null, null, List.of(), null, null, null, null, List.of(), null, 0L,
				checkIn);
	}

	List<String> themesOrEmpty() {
		return this.themes == null ? List.of() : this.themes;
	}

	List<Long> caseStudiesOrEmpty() {
		return this.caseStudyIds == null ? List.of() : this.caseStudyIds;
	}

	long versionOrZero() {
		return this.version == null ? 0 : this.version;
	}
}
