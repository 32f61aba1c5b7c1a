package org.citybridge.event.manage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A track of the programme as staff name it. */
record TrackForm(
		@NotBlank(message = "{event.track.name.required}") @Size(max = 200, message = "{event.name.size}") String name,
		long version) implements PartForm {

	@Override
	public PartKind kind() {
		return PartKind.TRACKS;
	}
}
