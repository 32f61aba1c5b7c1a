package org.citybridge.event.manage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A room of the venue as staff enter it. */
record RoomForm(
		@NotBlank(message = "{event.room.name.required}") @Size(max = 200, message = "{event.name.size}") String name,
		@Min(value = 1, message = "{event.room.capacity.range}") @Max(value = 100000, message = "{event.room.capacity.range}") Integer capacity,
		long version) implements PartForm {

	@Override
	public PartKind kind() {
		return PartKind.ROOMS;
	}
}
