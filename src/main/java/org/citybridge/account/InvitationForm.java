package org.citybridge.account;

import java.util.Locale;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.citybridge.system.Actor;

/**
 * Who to invite, in which role, for which municipality or organisation, and in which language the
 * invitation and the account's later mails are written ({@code language}: the inviter's choice, the
 * page's language when none is sent). An officer's municipality is named as a person names it
 * ({@code municipality}, any spelling or script); where the name fits several, the one chosen among
 * them comes as {@code municipalityId}.
 */
public record InvitationForm(
		@NotBlank(message = "{account.invite.email.required}") @Email(message = "{account.invite.email.invalid}")
		@Size(max = 254, message = "{account.invite.email.invalid}") String email,
		@NotBlank(message = "{account.invite.name.required}") @Size(max = 200, message = "{account.invite.name.size}") String displayName,
		@NotNull(message = "{account.invite.role.required}") Actor.Role role,
		@Size(max = 200, message = "{account.invite.municipality.size}") String municipality,
		Long municipalityId,
		Long organisationId,
		@Pattern(regexp = "^(en|mn|fr)$", message = "{account.language.invalid}") String language) {

	/** An empty form, the invitation in the page's language. */
	public static InvitationForm empty(Locale page) {
		return new InvitationForm("", "", Actor.Role.OFFICER, "", null, null, Account.languageOf(page));
	}

	/** The same form for the municipality found by its name. */
	public InvitationForm withMunicipality(Long id) {
		return new InvitationForm(this.email, this.displayName, this.role, this.municipality, id, this.organisationId,
				this.language);
	}

	/** The language chosen, else the page's. */
	public String languageOr(Locale page) {
		return this.language == null || this.language.isBlank() ? Account.languageOf(page) : this.language;
	}
}
