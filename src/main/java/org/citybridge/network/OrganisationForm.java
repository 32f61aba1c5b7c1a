package org.citybridge.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new organisation, as an administrator enters it. */
record OrganisationForm(
		@NotBlank(message = "{network.form.name.required}") @Size(max = 200, message = "{network.form.name.size}") String name,
		@Size(max = 40, message = "{network.form.shortName.size}") String shortName,
		@NotNull(message = "{network.form.kind.required}") OrganisationKind kind,
		@Size(max = 500, message = "{network.form.website.invalid}")
		@Pattern(regexp = "^$|^https?://[^\\s]+$", message = "{network.form.website.invalid}") String website) {

	static OrganisationForm empty() {
		return new OrganisationForm("", "", OrganisationKind.REGIONAL, "");
	}
}
