package org.citybridge.municipality.profile;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.citybridge.municipality.Municipality;

/** What an officer may edit of their municipality's profile. */
record ProfileForm(
		Long version,
		Set<String> offeredThemes,
		Set<String> soughtThemes,
		Boolean seekingPartners,
		@Size(max = 500, message = "{municipality.edit.website.invalid}")
		@Pattern(regexp = "^$|^https?://[^\\s]+$", message = "{municipality.edit.website.invalid}") String website,
		@Size(max = 100, message = "{municipality.edit.languages.invalid}")
		@Pattern(regexp = "^\\s*$|^\\s*[A-Za-z]{2,3}(\\s*[,;]\\s*[A-Za-z]{2,3})*\\s*$", message = "{municipality.edit.languages.invalid}") String workingLanguages,
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
	}

	static ProfileForm of(Municipality m) {
		return new ProfileForm(m.getVersion(), new LinkedHashSet<>(m.getOfferedThemes()),
				new LinkedHashSet<>(m.getSoughtThemes()), m.isSeekingPartners(), m.getWebsite() == null ? "" : m.getWebsite(),
				String.join(", ", m.getWorkingLanguages()), m.getContactName() == null ? "" : m.getContactName(),
				m.getContactEmail() == null ? "" : m.getContactEmail(), m.isContactPublic());
	}
}
