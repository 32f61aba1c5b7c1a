package org.citybridge.network;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A network as staff enter it: what it is, where and on what it works, and who may join. */
record NetworkForm(
		@NotBlank(message = "{network.networkForm.name.required}") @Size(max = 200, message = "{network.networkForm.name.size}") String name,
		@Size(max = 200, message = "{network.networkForm.name.size}") String nameMn,
		@Size(max = 200, message = "{network.networkForm.name.size}") String nameFr,
		@Size(max = 40, message = "{network.networkForm.shortName.size}") String shortName,
		@NotNull(message = "{network.networkForm.kind.required}") OrganisationKind kind,
		@Size(max = 3, message = "{network.networkForm.region.invalid}") String region,
		@Size(max = 30, message = "{network.networkForm.themes.invalid}") List<String> themes,
		@Size(max = 500, message = "{network.networkForm.website.invalid}")
		@Pattern(regexp = "^$|^https?://[^\\s]+$", message = "{network.networkForm.website.invalid}") String website,
		Admission admits,
		@Size(max = 1000, message = "{network.networkForm.membershipNote.size}") String membershipNote,
		Long version) {

	static NetworkForm empty() {
		return new NetworkForm("", "", "", "", OrganisationKind.THEMATIC, "", List.of(), "", null,
				"", 0L);
	}

	static NetworkForm of(OrganisationDirectory.Summary s) {
		return new NetworkForm(s.name(), s.i18n().given("name", "mn"), s.i18n().given("name", "fr"),
				s.shortName() == null ? "" : s.shortName(), s.kind(),
				s.region() == null ? "" : s.region(), s.themes(), s.website() == null ? "" : s.website(), s.admits(),
				s.membershipNote() == null ? "" : s.membershipNote(), s.version());
	}

	/** The translations of the full name as the row keeps them (V60). */
	String translations() {
		return org.citybridge.system.translation.Translations.given()
			.field("name", this.nameMn, this.nameFr)
			.json();
	}

	List<String> themeCodes() {
		return this.themes == null ? List.of() : this.themes.stream().filter(t -> t != null && !t.isBlank()).distinct().toList();
	}
}
