package org.citybridge.event.manage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.multipart.MultipartFile;

/** A speaker or moderator as staff enter them, with an optional photo. */
record SpeakerForm(
		@NotBlank(message = "{event.speaker.name.required}") @Size(max = 200, message = "{event.name.size}") String name,
		@Size(max = 200, message = "{event.name.size}") String role,
		@Size(max = 200, message = "{event.name.size}") String roleMn,
		@Size(max = 200, message = "{event.name.size}") String roleFr,
		@Size(max = 200, message = "{event.name.size}") String organisation,
		@Size(max = 1000, message = "{event.speaker.bio.size}") String bio,
		MultipartFile photo, Boolean removePhoto, long version) implements PartForm {

	@Override
	public PartKind kind() {
		return PartKind.SPEAKERS;
	}

	/** The translations as the row keeps them (V60). */
	@Override
	public String translations() {
		return org.citybridge.system.translation.Translations.given()
			.field("role", this.roleMn, this.roleFr)
			.json();
	}

	boolean removesPhoto() {
		return Boolean.TRUE.equals(this.removePhoto);
	}
}
