package org.citybridge.municipality.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.citybridge.system.Actor;
import org.citybridge.system.DisplayNames;
import org.citybridge.system.DisplayNames.NameIndex;
import org.citybridge.system.Refusal;
import org.citybridge.theme.Themes;

import org.springframework.stereotype.Service;

/**
 * The profile's edit form, each from one call: the form with the municipality's name and the
 * themes to choose from, and saving it or showing it again with why it was not saved.
 */
@Service
record ProfilePages(MunicipalityProfiles profiles, Themes themes, DisplayNames names) {

	/** The form as shown: its values, the municipality's name, the themes to choose from. */
	record FormPage(ProfileForm form, String municipalityName, List<String> themes) {
	}

	/** What sending the form came to: saved, or the form to show again and why ({@code refusal}, or the form's own errors). */
	record Saved(boolean saved, FormPage page, Refusal refusal) {
	}

	/** The form of a profile, if the actor may edit it (else 403); its languages by name in the page's language. */
	FormPage form(Actor actor, long id, Locale locale) {
		ProfileForm form = this.profiles.formFor(actor, id);
		NameIndex languages = this.names.languages();
		return page(form.withLanguages(form.workingLanguages().stream().map(code -> languages.name(code, locale)).toList()), id);
	}

	/**
	 * Saves the profile if the form is {@code valid} and each language typed names one language;
	 * else, or when refused, the form to show again (a language that names none, or several, is
	 * refused next to the field, the candidates named).
	 */
	Saved save(Actor actor, long id, ProfileForm form, String actorLabel, boolean valid, Locale locale) {
		NameIndex languages = this.names.languages();
		List<Refusal> unknown = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		for (String typed : form.typedLanguages()) {
			NameIndex.Match match = languages.find(typed);
			if (match.found()) {
				codes.add(match.code());
			}
			else {
				unknown.add(match.refusal("workingLanguages", "municipality.edit.languages", languages, locale));
			}
		}
		Refusal refusal = Refusal.Several.of(unknown);
		if (valid && refusal == null) {
			try {
				this.profiles.edit(actor, id, form.withLanguages(codes), actorLabel);
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
