package org.citybridge.learning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A case study as its author writes it: the body in Markdown, the municipalities involved as the
 * numbers in their addresses ({@code /municipalities/12}), separated by commas or spaces; the
 * agreements it tells about as the numbers of the boxes ticked.
 */
record CaseStudyForm(
		@NotBlank(message = "{learning.case.title.required}") @Size(max = 300, message = "{learning.case.title.size}") String title,
		@NotBlank(message = "{learning.case.summary.required}") @Size(max = 1000, message = "{learning.case.summary.size}") String summary,
		@NotBlank(message = "{learning.case.body.required}") @Size(max = 50000, message = "{learning.case.body.size}") String body,
		@NotBlank(message = "{learning.language.required}") @Pattern(regexp = "^[a-z]{2,3}$", message = "{learning.language.invalid}") String language,
		@Size(max = 30, message = "{learning.case.themes.invalid}") List<String> themes,
		@Size(max = 400, message = "{learning.case.municipalities.invalid}") String municipalities,
		@Size(max = 20, message = "{learning.case.agreements.tooMany}") List<String> agreements,
		Long version) {

	/** How many municipalities one case study may name. */
	static final int MAX_MUNICIPALITIES = 20;

	static CaseStudyForm empty(Long ownMunicipality) {
		return new CaseStudyForm("", "", "", "en", List.of(), ownMunicipality == null ? "" : String.valueOf(ownMunicipality),
				List.of(), 0L);
	}

	static CaseStudyForm of(CaseStudies.CaseStudy study) {
		return new CaseStudyForm(study.title(), study.summary(), study.body(), study.language(), study.themes(),
				String.join(", ", study.municipalities().stream().map(p -> String.valueOf(p.id())).toList()),
				study.agreements().stream().map(a -> String.valueOf(a.id())).toList(), study.version());
	}

	List<String> themeCodes() {
		return this.themes == null ? List.of() : this.themes.stream().filter(t -> t != null && !t.isBlank()).distinct().toList();
	}

	/** The municipality numbers; {@code null} when something else was typed, or too many. */
	List<Long> municipalityIds() {
		LinkedHashSet<Long> ids = new LinkedHashSet<>();
		String text = this.municipalities == null ? "" : this.municipalities.strip();
		if (text.isEmpty()) {
			return List.of();
		}
		for (String part : text.split("[,;\\s]+")) {
			if (!part.matches("\\d{1,18}")) {
				return null;
			}
			long id = Long.parseLong(part);
			if (id <= 0) {
				return null;
			}
			ids.add(id);
		}
		return ids.size() > MAX_MUNICIPALITIES ? null : new ArrayList<>(ids);
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
