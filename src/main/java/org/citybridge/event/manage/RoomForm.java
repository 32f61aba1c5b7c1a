package org.citybridge.event.manage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A room of the venue as staff enter it. */
record RoomForm(
		@NotBlank(message = "{event.room.name.required}") @Size(max = 200, message = "{event.name.size}") String name,
		@Size(max = 200, message = "{event.name.size}") String nameMn,
		@Size(max = 200, message = "{event.name.size}") String nameFr,
		@Min(value = 1, message = "{event.room.capacity.range}") @Max(value = 100000, message = "{event.room.capacity.range}") Integer capacity,
		long version) implements PartForm {

	@Override
	public PartKind kind() {
		return PartKind.ROOMS;
	}

	/** The translations as the row keeps them (V60). */
	@Override
	public String translations() {
		return org.citybridge.system.translation.Translations.given()
			.field("name", this.nameMn, this.nameFr)
			.json();
	}
}
