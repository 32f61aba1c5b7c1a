package org.citybridge.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.citybridge.system.Actor;

/**
 * Who to invite, in which role, for which municipality or organisation. An officer's municipality
 * is named as a person names it ({@code municipality}, any spelling or script); where the name
 * fits several, the one chosen among them comes as {@code municipalityId}.
 */
public record InvitationForm(
		@NotBlank(message = "{account.invite.email.required}") @Email(message = "{account.invite.email.invalid}")
		@Size(max = 254, message = "{account.invite.email.invalid}") String email,
		@NotBlank(message = "{account.invite.name.required}") @Size(max = 200, message = "{account.invite.name.size}") String displayName,
		@NotNull(message = "{account.invite.role.required}") Actor.Role role,
		@Size(max = 200, message = "{account.invite.municipality.size}") String municipality,
		Long municipalityId,
		Long organisationId) {

	public static InvitationForm empty() {
		return new InvitationForm("", "", Actor.Role.OFFICER, "", null, null);
	}

	/** The same form for the municipality found by its name. */
	public InvitationForm withMunicipality(Long id) {
		return new InvitationForm(this.email, this.displayName, this.role, this.municipality, id, this.organisationId);
	}
}
