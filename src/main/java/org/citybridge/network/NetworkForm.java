package org.citybridge.network;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A network as staff enter it: what it is, where and on what it works, and who may join. */
record NetworkForm(
		@NotBlank(message = "{networks.form.name.required}") @Size(max = 200, message = "{networks.form.name.size}") String name,
		@Size(max = 40, message = "{networks.form.shortName.size}") String shortName,
		@NotNull(message = "{networks.form.kind.required}") OrganisationKind kind,
		@Size(max = 3, message = "{networks.form.region.invalid}") String region,
		@Size(max = 30, message = "{networks.form.themes.invalid}") List<String> themes,
		@Size(max = 500, message = "{networks.form.website.invalid}")
		@Pattern(regexp = "^$|^https?://[^\\s]+$", message = "{networks.form.website.invalid}") String website,
		Admission admits,
		@Size(max = 1000, message = "{networks.form.membershipNote.size}") String membershipNote,
		Long version) {

	static NetworkForm empty() {
		return new NetworkForm("", "", OrganisationKind.THEMATIC, "", List.of(), "", null,
				"", 0L);
	}

	static NetworkForm of(OrganisationDirectory.Summary s) {
		return new NetworkForm(s.name(), s.shortName() == null ? "" : s.shortName(), s.kind(),
				s.region() == null ? "" : s.region(), s.themes(), s.website() == null ? "" : s.website(), s.admits(),
				s.membershipNote() == null ? "" : s.membershipNote(), s.version());
	}

	List<String> themeCodes() {
		return this.themes == null ? List.of() : this.themes.stream().filter(t -> t != null && !t.isBlank()).distinct().toList();
	}
}
