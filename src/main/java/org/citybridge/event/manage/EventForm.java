package org.citybridge.event.manage;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventKind;

/** An event's facts as staff edit them: dates in the event's own zone, registration and its capacity. */
public record EventForm(
		@NotBlank(message = "{event.form.title.required}") @Size(max = 200, message = "{event.form.title.size}") String title,
		@Size(max = 200, message = "{event.form.title.size}") String titleMn,
		@Size(max = 200, message = "{event.form.title.size}") String titleFr,
		@NotNull(message = "{event.form.kind.required}") EventKind kind,
		@NotNull(message = "{event.form.date.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
		@NotNull(message = "{event.form.date.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
		@NotBlank(message = "{event.form.zone.required}") @Size(max = 64, message = "{event.form.zone.invalid}") String timeZone,
		@NotBlank(message = "{event.form.venue.required}") @Size(max = 200, message = "{event.form.venue.size}") String venueName,
		@Size(max = 300, message = "{event.form.address.size}") String venueAddress,
		@Size(max = 4000, message = "{event.form.description.size}") String description,
		@Size(max = 4000, message = "{event.form.description.size}") String descriptionMn,
		@Size(max = 4000, message = "{event.form.description.size}") String descriptionFr,
		boolean registrationOpen,
		@Min(value = 1, message = "{event.form.capacity.range}") @Max(value = 100000, message = "{event.form.capacity.range}") Integer capacity,
		long version,
		/** The host, chosen when the event is created (an edit keeps the host). */
		Long hostOrganisationId,
		@DecimalMin(value = "-90", message = "{event.form.latitude.range}") @DecimalMax(value = "90", message = "{event.form.latitude.range}") @Digits(integer = 2, fraction = 6, message = "{event.form.latitude.range}") BigDecimal latitude,
		@DecimalMin(value = "-180", message = "{event.form.longitude.range}") @DecimalMax(value = "180", message = "{event.form.longitude.range}") @Digits(integer = 3, fraction = 6, message = "{event.form.longitude.range}") BigDecimal longitude) {

	public static EventForm of(EventCatalogue.Event event, long version) {
		return of(event, version, EventEditor.Coordinates.NONE);
	}

	public static EventForm of(EventCatalogue.Event event, long version, EventEditor.Coordinates venue) {
		var i18n = event.i18n();
		return new EventForm(event.title(), i18n.given("title", "mn"), i18n.given("title", "fr"), event.kind(),
				event.startsOn(), event.endsOn(), event.zone().getId(), event.venueName(), event.venueAddress(),
				event.description(), i18n.given("description", "mn"), i18n.given("description", "fr"),
				event.registrationOpen(), event.capacity(), version, event.hostOrganisationId(), venue.latitude(),
				venue.longitude());
	}

	/** An empty form for a new event: a forum of one day in Brussels, hosted by the staff's own organisation. */
	static EventForm empty(LocalDate day, Long host) {
		return new EventForm("", "", "", EventKind.FORUM, day, day, "Europe/Brussels", "", "", "", "", "", false, null, 0, host,
				null, null);
	}

	/** The translations as the row keeps them (V60). */
	String translations() {
		return org.citybridge.system.translation.Translations.given()
			.field("title", this.titleMn, this.titleFr)
			.field("description", this.descriptionMn, this.descriptionFr)
			.json();
	}
}
