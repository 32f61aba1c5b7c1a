package org.citybridge.municipality.profile;

import java.util.List;

import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.theme.Themes;

import org.springframework.stereotype.Service;

/**
 * The profile's edit form, each from one call: the form with the municipality's name and the
 * themes to choose from, and saving it or showing it again with why it was not saved.
 */
@Service
record ProfilePages(MunicipalityProfiles profiles, Themes themes) {

	/** The form as shown: its values, the municipality's name, the themes to choose from. */
	record FormPage(ProfileForm form, String municipalityName, List<String> themes) {
	}

	/** What sending the form came to: saved, or the form to show again and why ({@code refusal}, or the form's own errors). */
	record Saved(boolean saved, FormPage page, Refusal refusal) {
	}

	/** The form of a profile, if the actor may edit it (else 403). */
	FormPage form(Actor actor, long id) {
		return page(this.profiles.formFor(actor, id), id);
	}

	/** Saves the profile if the form is {@code valid}; else, or when refused, the form to show again. */
	Saved save(Actor actor, long id, ProfileForm form, String actorLabel, boolean valid) {
		Refusal refusal = null;
		if (valid) {
			try {
				this.profiles.edit(actor, id, form, actorLabel);
				return new Saved(true, null, null);
			}
			catch (MunicipalityProfiles.ProfileChanged changed) {
				refusal = Refusal.ofForm("municipality.edit.conflict");
			}
			catch (IllegalArgumentException unknownTheme) {
				refusal = new Refusal("offeredThemes", "municipality.edit.themes.invalid");
			}
		}
		return new Saved(false, page(form, id), refusal);
	}

	private FormPage page(ProfileForm form, long id) {
		return new FormPage(form, this.profiles.nameOf(id), this.themes.codes());
	}
}
