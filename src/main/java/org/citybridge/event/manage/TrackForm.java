package org.citybridge.event.manage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A track of the programme as staff name it. */
record TrackForm(
		@NotBlank(message = "{event.track.name.required}") @Size(max = 200, message = "{event.name.size}") String name,
		@Size(max = 200, message = "{event.name.size}") String nameMn,
		@Size(max = 200, message = "{event.name.size}") String nameFr,
		long version) implements PartForm {

	@Override
	public PartKind kind() {
		return PartKind.TRACKS;
	}

	/** The translations as the row keeps them (V60). */
	@Override
	public String translations() {
		return org.citybridge.system.translation.Translations.given()
			.field("name", this.nameMn, this.nameFr)
			.json();
	}
}
