package org.citybridge.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.citybridge.municipality.MunicipalitySearch;
import org.citybridge.municipality.MunicipalitySummary;
import org.citybridge.system.Actor;
import org.citybridge.system.DisplayNames;
import org.citybridge.system.Refusal;
import org.citybridge.system.Submitted;
import org.citybridge.theme.Themes;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The organisation pages as their readers see them: the list, one organisation with its members
 * and (for the staff who keep it) its invitations, and the network form. Each page is one read
 * here, so that the controller only binds and renders; who may see or change what is decided here
 * and in {@link NetworkPolicy}, not in the controller.
 */
@Service
record OrganisationPages(OrganisationDirectory directory,
		MembershipInvitations invitations,
		NetworkRegions regions,
		Themes themes,
		MunicipalitySearch municipalities) {

	/** How many municipalities a name typed for a new member offers to choose from. */
	static final int CANDIDATES = 10;

	/** The list of organisations, and whether the reader may start a network. */
	record Listing(List<OrganisationDirectory.Summary> organisations, boolean mayCreateNetwork) {
	}

	/**
	 * One organisation's page; {@code memberCandidates}: for the staff who keep it, the
	 * municipalities a name typed for a new member may mean (empty when none was typed).
	 */
	record Detail(OrganisationDirectory.Summary organisation, String regionName, List<OrganisationDirectory.Member> members,
			List<OrganisationDirectory.Linked> associations, List<OrganisationDirectory.Linked> memberOf, boolean mayKeepMembers,
			List<OrganisationDirectory.Linked> candidateAssociations, List<MembershipInvitations.Pending> invitations,
			boolean recordsConsent, LocalDate today, List<MunicipalitySummary> memberCandidates) {
	}

	/** The network form and its choices; {@code organisation} is null for a new network. */
	record NetworkFormPage(OrganisationDirectory.Summary organisation, List<NetworkRegions.Option> areas,
			List<NetworkRegions.Option> regionCountries, List<String> themeCodes) {
	}

	Listing listing(Actor actor) {
		return new Listing(this.directory.all(), this.directory.mayCreate(actor));
	}

	Detail detail(Actor actor, long organisationId, Locale locale, String memberName) {
		OrganisationDirectory.Summary organisation = this.directory.byId(organisationId);
		boolean mayKeep = this.directory.mayKeepMembers(actor, organisationId);
		return new Detail(organisation, NetworkRegions.name(organisation.region(), locale),
				this.directory.members(organisationId), this.directory.associations(organisationId),
				this.directory.memberOf(organisationId), mayKeep,
				mayKeep ? this.directory.candidateAssociations(organisationId) : List.of(),
				mayKeep ? this.invitations.sentBy(organisationId) : List.of(), actor.role() == Actor.Role.ADMIN,
				LocalDate.now(), mayKeep ? candidates(memberName) : List.of());
	}

	/**
	 * The municipality a name typed for a new member means: the only one found, or the only one of
	 * that very name (in the directory's or its own spelling, ignoring case and accents); else a
	 * refusal, "unknown" or "ambiguous", and the page then lists the candidates to choose from. Only
	 * for those who keep the organisation's members (else 403).
	 */
	/**
	 * Adds or invites a member: the municipality chosen ({@code municipalityId}), else the one the
	 * name typed means (see {@link #municipalityNamed}).
	 */
	MembershipInvitations.Outcome addMember(Actor actor, long organisationId, Long municipalityId, String typed,
			LocalDate since, String actorLabel, String baseUrl, Locale locale) {
		long chosen = municipalityId != null ? municipalityId : municipalityNamed(actor, organisationId, typed);
		return this.invitations.propose(actor, organisationId, chosen, since, actorLabel, baseUrl, locale);
	}

	long municipalityNamed(Actor actor, long organisationId, String typed) {
		if (!this.directory.mayKeepMembers(actor, organisationId)) {
			throw new AccessDeniedException("May not keep the members of organisation " + organisationId);
		}
		List<MunicipalitySummary> found = candidates(typed);
		if (found.isEmpty()) {
			throw new Refusal("municipality", "network.members.name.unknown");
		}
		if (found.size() == 1) {
			return found.get(0).id();
		}
		String key = DisplayNames.NameIndex.normalise(typed);
		List<MunicipalitySummary> same = found.stream()
			.filter(m -> key.equals(DisplayNames.NameIndex.normalise(m.name()))
					|| key.equals(DisplayNames.NameIndex.normalise(m.nativeName())))
			.toList();
		if (same.size() == 1) {
			return same.get(0).id();
		}
		throw new Refusal("municipality", "network.members.name.ambiguous");
	}

	private List<MunicipalitySummary> candidates(String typed) {
		String text = typed == null ? "" : typed.strip();
		return text.isEmpty() ? List.of() : this.municipalities.find(text, CANDIDATES);
	}

	/** The empty form for a new network ({@code organisationId} null) or the network to edit. */
	NetworkFormPage networkForm(Actor actor, Long organisationId, Locale locale) {
		OrganisationDirectory.Summary organisation = (organisationId == null) ? null : this.directory.byId(organisationId);
		requireMayEdit(actor, organisationId);
		return formPage(organisation, locale);
	}

	/**
	 * Saves a submitted network form: creates the network ({@code organisationId} null) or updates
	 * it. A form that did not bind ({@code valid} false) is not saved but shown again, to those who
	 * may edit it.
	 */
	Submitted<Long, NetworkFormPage> submitNetwork(Actor actor, Long organisationId, NetworkForm form, boolean valid, String actorLabel,
			Locale locale) {
		OrganisationDirectory.Summary organisation = (organisationId == null) ? null : this.directory.byId(organisationId);
		if (!valid) {
			requireMayEdit(actor, organisationId);
			return Submitted.again(formPage(organisation, locale), null);
		}
		try {
			if (organisationId == null) {
				return Submitted.saved(this.directory.createNetwork(actor, form, actorLabel));
			}
			this.directory.updateNetwork(actor, organisationId, form, actorLabel);
			return Submitted.saved(organisationId);
		}
		catch (Refusal refused) {
			return Submitted.again(formPage(organisation, locale), refused);
		}
	}

	private void requireMayEdit(Actor actor, Long organisationId) {
		if (organisationId == null ? !this.directory.mayCreate(actor)
				: !this.directory.mayKeepMembers(actor, organisationId)) {
			throw new AccessDeniedException(
					organisationId == null ? "May not create networks" : "May not edit network " + organisationId);
		}
	}

	private NetworkFormPage formPage(OrganisationDirectory.Summary organisation, Locale locale) {
		return new NetworkFormPage(organisation, this.regions.areas(locale), this.regions.countries(locale),
				this.themes.codes());
	}
}
