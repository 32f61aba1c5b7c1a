package org.citybridge.learning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.citybridge.system.Text;

/**
 * A case study as its author writes it: the body in Markdown; the municipalities involved chosen by
 * name from the directory (their ids as hidden values, {@code municipalitySearch} the name being
 * looked for); the agreements it tells about as the numbers of the boxes ticked. Besides saving,
 * the same form serves, without JavaScript, the municipality picker (search, add, remove) and the
 * preview: each of those presses comes back to the form with every value kept and nothing saved.
 */
record CaseStudyForm(
		@NotBlank(message = "{learning.case.title.required}") @Size(max = 300, message = "{learning.case.title.size}") String title,
		@NotBlank(message = "{learning.case.summary.required}") @Size(max = 1000, message = "{learning.case.summary.size}") String summary,
		@NotBlank(message = "{learning.case.body.required}") @Size(max = 50000, message = "{learning.case.body.size}") String body,
		@NotBlank(message = "{learning.language.required}") @Pattern(regexp = "^[a-z]{2,3}$", message = "{learning.language.invalid}") String language,
		@Size(max = 30, message = "{learning.case.themes.invalid}") List<String> themes,
		List<String> municipalityIds,
		@Size(max = 200, message = "{learning.case.municipalitySearch.size}") String municipalitySearch,
		@Size(max = 20, message = "{learning.case.agreements.tooMany}") List<String> agreements,
		Long version,
		String action, String addMunicipality, String removeMunicipality) {

	/** How many municipalities one case study may name. */
	static final int MAX_MUNICIPALITIES = 20;

	/** A new case study, in the page's language (one of the portal's three, else English). */
	static CaseStudyForm empty(Long ownMunicipality, Locale page) {
		String language = List.of("mn", "fr", "en").contains(page.getLanguage()) ? page.getLanguage() : "en";
		return new CaseStudyForm("", "", "", language, List.of(), ownMunicipality == null ? List.of() : List.of(String.valueOf(ownMunicipality)),
				"", List.of(), 0L, null, null, null);
	}

	static CaseStudyForm of(CaseStudies.CaseStudy study) {
		return new CaseStudyForm(study.title(), study.summary(), study.body(), study.language(), study.themes(),
				study.municipalities().stream().map(p -> String.valueOf(p.id())).toList(), "",
				study.agreements().stream().map(a -> String.valueOf(a.id())).toList(), study.version(), null, null, null);
	}

	List<String> themeCodes() {
		return this.themes == null ? List.of() : this.themes.stream().filter(t -> t != null && !t.isBlank()).distinct().toList();
	}

	/** The municipalities chosen, without repeats; {@code null} when one is not a number, or too many. */
	List<Long> municipalityIdList() {
		LinkedHashSet<Long> ids = new LinkedHashSet<>();
		for (String value : this.municipalityIds == null ? List.<String>of() : this.municipalityIds) {
			String part = value == null ? "" : value.strip();
			if (part.isEmpty()) {
				continue;
			}
			if (!part.matches("\\d{1,18}") || Long.parseLong(part) <= 0) {
				return null;
			}
			ids.add(Long.parseLong(part));
		}
		return ids.size() > MAX_MUNICIPALITIES ? null : new ArrayList<>(ids);
	}

	/** The name being looked for, stripped; empty when none. */
	String searchText() {
		return this.municipalitySearch == null ? "" : this.municipalitySearch.strip();
	}

	/** Whether this press asks for the preview. */
	boolean isPreview() {
		return "preview".equals(this.action);
	}

	/** Whether this press is one of the picker's buttons, or the preview, rather than "save". */
	boolean isPicking() {
		return "search".equals(this.action) || "refresh".equals(this.action) || isPreview()
				|| this.addMunicipality != null || this.removeMunicipality != null;
	}

	/** The form after a picker button: the municipality added or removed, everything else as it was. */
	CaseStudyForm picked() {
		List<String> ids = new ArrayList<>();
		for (String value : this.municipalityIds == null ? List.<String>of() : this.municipalityIds) {
			if (value != null && !value.isBlank() && !ids.contains(value.strip())) {
				ids.add(value.strip());
			}
		}
		Long add = Text.idOrNull(this.addMunicipality);
		if (add != null && !ids.contains(String.valueOf(add)) && ids.size() < MAX_MUNICIPALITIES) {
			ids.add(String.valueOf(add));
		}
		if (this.removeMunicipality != null) {
			ids.remove(this.removeMunicipality.strip());
		}
		return withMunicipalities(ids, add != null ? "" : this.municipalitySearch);
	}

	/** This form with the municipalities and the search text given, no button pressed. */
	CaseStudyForm withMunicipalities(List<String> ids, String search) {
		return new CaseStudyForm(this.title, this.summary, this.body, this.language, this.themes, ids, search,
				this.agreements, this.version, null, null, null);
	}

	/** The agreement numbers ticked, without repeats; {@code null} when one is not a number. */
	List<Long> agreementIds() {
		LinkedHashSet<Long> ids = new LinkedHashSet<>();
		for (String value : this.agreements == null ? List.<String>of() : this.agreements) {
			String part = value == null ? "" : value.strip();
			if (part.isEmpty()) {
				continue;
			}
			if (!part.matches("\\d{1,18}") || Long.parseLong(part) <= 0) {
				return null;
			}
			ids.add(Long.parseLong(part));
		}
		return new ArrayList<>(ids);
	}
}
