package org.citybridge.municipality.profile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.citybridge.municipality.Municipality;

/**
 * What an officer may edit of their municipality's profile; the working languages by name in any of
 * the portal's languages or by code, one a field, as typed ({@link ProfilePages} reads them).
 */
record ProfileForm(
		Long version,
		Set<String> offeredThemes,
		Set<String> soughtThemes,
		Boolean seekingPartners,
		@Size(max = 500, message = "{municipality.edit.website.invalid}")
		@Pattern(regexp = "^$|^https?://[^\\s]+$", message = "{municipality.edit.website.invalid}") String website,
		@Size(max = 20, message = "{municipality.edit.languages.invalid}") List<String> workingLanguages,
		@Size(max = 200, message = "{municipality.edit.contactName.size}") String contactName,
		@Email(message = "{municipality.edit.contactEmail.invalid}")
		@Size(max = 254, message = "{municipality.edit.contactEmail.invalid}") String contactEmail,
		Boolean contactPublic) {

	ProfileForm {
		// An unticked checkbox sends nothing.
		seekingPartners = Boolean.TRUE.equals(seekingPartners);
		contactPublic = Boolean.TRUE.equals(contactPublic);
		version = version == null ? -1L : version;
		offeredThemes = offeredThemes == null ? new LinkedHashSet<>() : offeredThemes;
		soughtThemes = soughtThemes == null ? new LinkedHashSet<>() : soughtThemes;
		workingLanguages = workingLanguages == null ? List.of() : workingLanguages;
	}

	static ProfileForm of(Municipality m) {
		return new ProfileForm(m.getVersion(), new LinkedHashSet<>(m.getOfferedThemes()),
				new LinkedHashSet<>(m.getSoughtThemes()), m.isSeekingPartners(), m.getWebsite() == null ? "" : m.getWebsite(),
				List.copyOf(m.getWorkingLanguages()), m.getContactName() == null ? "" : m.getContactName(),
				m.getContactEmail() == null ? "" : m.getContactEmail(), m.isContactPublic());
	}

	/**
	 * The languages as typed, one a field; a field may hold several separated by commas, as the
	 * profile asked for them before.
	 */
	List<String> typedLanguages() {
		return this.workingLanguages.stream()
			.filter(v -> v != null)
			.flatMap(v -> java.util.Arrays.stream(v.split("[,;]")))
			.map(String::strip)
			.filter(v -> !v.isEmpty())
			.toList();
	}

	/** This form with the working languages given (codes, or names to show). */
	ProfileForm withLanguages(List<String> languages) {
		return new ProfileForm(this.version, this.offeredThemes, this.soughtThemes, this.seekingPartners, this.website,
				languages, this.contactName, this.contactEmail, this.contactPublic);
	}
}
