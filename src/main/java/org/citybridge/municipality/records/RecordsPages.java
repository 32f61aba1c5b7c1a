package org.citybridge.municipality.records;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.citybridge.municipality.DirectoryOptions;
import org.citybridge.municipality.DirectoryParams;
import org.citybridge.municipality.MunicipalityKind;
import org.citybridge.municipality.MunicipalityNotFound;
import org.citybridge.municipality.MunicipalitySearch;
import org.citybridge.municipality.MunicipalitySummary;
import org.citybridge.municipality.profile.MunicipalityProfile;
import org.citybridge.municipality.profile.MunicipalityProfiles;
import org.citybridge.system.Actor;
import org.citybridge.system.Text;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.validation.BindingResult;

/**
 * The staff's record pages, each from one call: the form to add a municipality (its choices, and
 * adding it or showing it again with what is wrong), and a record's page (its names, the search
 * for a duplicate and the merge to confirm), with adding an alternate name.
 */
@Service
record RecordsPages(MunicipalityUpkeep upkeep,
		MunicipalitySearch search,
		DirectoryOptions options,
		MunicipalityProfiles profiles) {

	/** How long an alternate name may be. */
	static final int MAX_NAME_LENGTH = 200;

	/** The choices of the form to add a municipality: countries as option elements, the kinds one may add. */
	record NewPage(String countryOptions, List<MunicipalityKind> kindOptions) {
	}

	/** What sending the form to add a municipality came to: its id, or the form's choices to show it again. */
	record Added(Long id, NewPage page) {
	}

	/**
	 * A record's page: the municipality, the search for a duplicate ({@code q}, its {@code candidates}
	 * or {@code null} without a search), the duplicate to confirm and whether the actor may merge it
	 * ({@code null} without one).
	 */
	record RecordsPage(MunicipalityProfile municipality, String q, List<MunicipalitySummary> candidates,
			MunicipalityProfile duplicate, Boolean mayMerge) {
	}

	/** An alternate name refused: the name as sent, the message key, and the page to show again. */
	record NameRefused(String name, String error, RecordsPage page) {
	}

	/** The form's choices, the country chosen (if any) selected. */
	NewPage newPage(NewMunicipalityForm form, Locale locale) {
		return new NewPage(
				this.options.countryOptionsHtml(locale,
						form.getCountry() == null ? Set.of() : Set.of(form.getCountry())),
				Arrays.stream(MunicipalityKind.values()).filter(kind -> kind != MunicipalityKind.DISTRICT && kind != MunicipalityKind.REGION).toList());
	}

	/**
	 * Checks what the form's own checks cannot (a country the directory knows, a kind one may add,
	 * both coordinates or none) and adds the municipality; what is wrong goes on {@code result}.
	 */
	Added add(Actor actor, String actorLabel, NewMunicipalityForm form, BindingResult result, Locale locale) {
		if (!result.hasFieldErrors("country") && form.getCountry() != null
				&& !this.options.countryCodes().contains(form.getCountry())) {
			result.rejectValue("country", "municipality.new.country.required");
		}
		if (form.getKind() == MunicipalityKind.DISTRICT || form.getKind() == MunicipalityKind.REGION) {
			result.rejectValue("kind", "municipality.new.kind.required");
		}
		if ((form.getLatitude() == null) != (form.getLongitude() == null)) {
			result.rejectValue(form.getLatitude() == null ? "latitude" : "longitude", "municipality.new.coordinates.both");
		}
		if (!result.hasErrors()) {
			try {
				return new Added(this.upkeep.add(actor, actorLabel, form), null);
			}
			catch (DataIntegrityViolationException refused) {
				result.reject("municipality.new.refused");
			}
		}
		return new Added(null, newPage(form, locale));
	}

	/** A record's page, for staff who may keep it (else 403). */
	RecordsPage records(Actor actor, long id, String q, String merge) {
		MunicipalityProfile profile = this.profiles.profile(id);
		if (!this.upkeep.mayKeep(actor, id)) {
			throw new AccessDeniedException("May not keep the record of municipality " + id);
		}
		return page(actor, profile, q, merge);
	}

	/** Gives the municipality another name, or says why not and shows its page again. */
	Optional<NameRefused> addName(Actor actor, String actorLabel, long id, String name) {
		String value = Text.blankToNull(name);
		String error = value == null ? "municipality.records.name.required"
				: value.length() > MAX_NAME_LENGTH ? "municipality.new.name.length" : null;
		if (error != null) {
			return Optional.of(new NameRefused(name == null ? "" : name, error,
					page(actor, this.profiles.profile(id), null, null)));
		}
		this.upkeep.addAlternateName(actor, actorLabel, id, value);
		return Optional.empty();
	}

	private RecordsPage page(Actor actor, MunicipalityProfile profile, String q, String merge) {
		long id = profile.id();
		String text = Text.blankToNull(q);
		List<MunicipalitySummary> candidates = null;
		if (text != null) {
			candidates = this.search.page(DirectoryParams.query(text))
				.items()
				.stream()
				.filter(candidate -> candidate.id() != id)
				.limit(10)
				.toList();
		}
		MunicipalityProfile duplicate = null;
		Boolean mayMerge = null;
		long mergeId = Text.parseId(merge).orElse(0);
		if (mergeId > 0 && mergeId != id) {
			try {
				duplicate = this.profiles.profile(mergeId);
				mayMerge = this.upkeep.mayKeep(actor, mergeId);
			}
			catch (MunicipalityNotFound gone) {
				// A stale link: nothing to confirm.
			}
		}
		return new RecordsPage(profile, text == null ? "" : text, candidates, duplicate, mayMerge);
	}
}
