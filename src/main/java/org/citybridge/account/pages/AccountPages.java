package org.citybridge.account.pages;

import java.util.List;
import java.util.Locale;

import org.citybridge.account.AccountAdministration;
import org.citybridge.account.AccountRefused;
import org.citybridge.account.InvitationForm;
import org.citybridge.account.Invitations;
import org.citybridge.account.PasswordForm;
import org.citybridge.municipality.MunicipalitySummary;
import org.citybridge.network.Organisation;
import org.citybridge.network.Organisations;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The account pages as their reader sees them: one's own account, the invitation form of staff
 * and administrators, and the administrators' list of accounts. Each page, and each change with
 * the page it leads back to, is one call here, so the controllers only bind and render; who may
 * do what is decided here and in the account services.
 */
@Service
record AccountPages(AccountSettings settings,
		Invitations invitations,
		AccountAdministration administration,
		Organisations organisations,
		MunicipalityByName municipalities) {

	/**
	 * One's own account page: the account, the organisation it belongs to and the name of the
	 * municipality it acts for, if any.
	 */
	record Own(AccountSettings.View account, Organisation organisation, String municipalityName) {
	}

	/**
	 * What a change on one's own account came to: done ({@code refusal} and {@code page} null), or
	 * refused, with the page to show again.
	 */
	record Changed(Refusal refusal, Own page) {

		boolean done() {
			return this.page == null;
		}
	}

	/**
	 * The invitation form's choices: the organisations, the roles this inviter may give, and the
	 * municipalities a name given could mean (empty until a name fits several or none exactly).
	 */
	record InviteForm(List<Organisation> organisations, List<Actor.Role> roles, List<MunicipalitySummary> candidates) {

		InviteForm withCandidates(List<MunicipalitySummary> found) {
			return new InviteForm(this.organisations, this.roles, found);
		}
	}

	/**
	 * What an invitation came to: the link to pass on and the officer's municipality (name and
	 * country code), or the refusal to show on the form.
	 */
	record Invited(String link, String municipalityName, String countryCode, Refusal refusal, InviteForm form,
			boolean raised) {

		Invited(String link, String municipalityName, String countryCode, Refusal refusal, InviteForm form) {
			this(link, municipalityName, countryCode, refusal, form, false);
		}
	}

	/** The administrators' list of accounts and the choices of its role form. */
	/** The administrators' list of accounts, with the names of the officers' municipalities (by id). */
	record AdminList(List<AccountAdministration.Row> accounts, List<Organisation> organisations, List<Actor.Role> roles,
			java.util.Map<Long, String> municipalityNames) {
	}

	private static final List<Actor.Role> ALL_ROLES = List.of(Actor.Role.OFFICER, Actor.Role.STAFF, Actor.Role.ADMIN);

	Own own(Actor actor) {
		AccountSettings.View view = this.settings.view(actor);
		return new Own(view,
				(view.organisationId() == null) ? null : this.organisations.byId(view.organisationId()).orElse(null),
				(view.municipalityId() == null) ? null : this.municipalities.name(view.municipalityId()));
	}

	/** Changes the password; the session given by its id stays signed in, the account's others end. */
	Changed changePassword(Actor actor, PasswordForm form, String currentSessionId) {
		try {
			this.settings.changePassword(actor, form, currentSessionId);
			return new Changed(null, null);
		}
		catch (AccountRefused refused) {
			return new Changed(refused, own(actor));
		}
	}

	/** Sets the language of the account's mails and notices; an unknown one is refused on the page. */
	Changed changeLanguage(Actor actor, String language) {
		try {
			this.settings.changeLanguage(actor, language);
			return new Changed(null, null);
		}
		catch (AccountRefused refused) {
			return new Changed(refused, own(actor));
		}
	}

	/** Erases the account once its holder confirmed it; unconfirmed, nothing changes. */
	Changed erase(Actor actor, boolean confirmed) {
		if (!confirmed) {
			return new Changed(Refusal.ofForm("account.erase.confirmRequired"), own(actor));
		}
		this.settings.erase(actor);
		return new Changed(null, null);
	}

	/** The invitation form, for staff (who invite officers) and administrators (who invite anyone). */
	InviteForm inviteForm(Actor actor) {
		if (actor.role() != Actor.Role.ADMIN && actor.role() != Actor.Role.STAFF) {
			throw new AccessDeniedException("Only staff and admins invite");
		}
		return new InviteForm(this.organisations.all(),
				(actor.role() == Actor.Role.ADMIN) ? ALL_ROLES : List.of(Actor.Role.OFFICER), List.of());
	}

	/**
	 * Invites someone by mail when the form bound ({@code valid}); the link is also returned, for
	 * the inviter to pass on.
	 */
	Invited invite(Actor actor, InvitationForm form, boolean valid, String baseUrl, Locale locale) {
		InviteForm choices = inviteForm(actor);
		InvitationForm named = form;
		if (form.role() == Actor.Role.OFFICER) {
			MunicipalityByName.Found found = this.municipalities.find(form.municipality(), form.municipalityId());
			if (found.id() == null) {
				String name = form.municipality() == null ? "" : form.municipality().strip();
				return new Invited(null, null, null, new Refusal("municipality", found.problem(), Text.typed(name)),
						choices.withCandidates(found.candidates()));
			}
			named = form.withMunicipality(found.id());
		}
		if (!valid) {
			return new Invited(null, null, null, null, choices);
		}
		try {
			Invitations.Sent sent = this.invitations.invite(actor, named, baseUrl, locale);
			if (sent.raised()) {
				return new Invited(null, sent.municipalityName(), sent.countryCode(), null, choices, true);
			}
			return new Invited(baseUrl + sent.path(), sent.municipalityName(), sent.countryCode(), null, choices);
		}
		catch (AccountRefused refused) {
			return new Invited(null, null, null, refused, choices);
		}
	}

	/**
	 * An administrator changes an account's role, its municipality named as people name it: a name
	 * of none or of several is refused and nothing changes.
	 */
	void changeRole(Actor actor, long id, Actor.Role role, String municipality, Long organisationId) {
		Long municipalityId = null;
		if (municipality != null && !municipality.isBlank()) {
			municipalityId = this.municipalities.find(municipality, null).id();
			if (municipalityId == null) {
				throw new AccountRefused("municipality", "account.admin.municipality.unknown");
			}
		}
		this.administration.changeRole(actor, id, role, municipalityId, organisationId);
	}

	AdminList adminList(Actor actor, String query) {
		List<AccountAdministration.Row> accounts = this.administration.search(actor, query);
		return new AdminList(accounts, this.organisations.all(), ALL_ROLES, this.municipalities.names(accounts.stream()
			.map(AccountAdministration.Row::municipalityId)
			.filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.toSet())));
	}
}
