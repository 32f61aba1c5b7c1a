package org.citybridge.learning;

import java.util.List;
import java.util.Locale;

import org.citybridge.municipality.MunicipalitySearch;
import org.citybridge.municipality.MunicipalitySummary;
import org.citybridge.system.Actor;
import org.citybridge.system.DisplayNames.NameIndex;
import org.citybridge.system.Refusal;
import org.citybridge.system.ResultPage;
import org.citybridge.system.Text;
import org.citybridge.theme.Themes;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.validation.BindingResult;

/**
 * The case-study pages' one call each: the search with its checked filters, a case study with what
 * the visitor may do with it, and the form's reads and saves (the form again with the agreements
 * it offers when a save is refused or the visitor asks for them). Who may see or do what is asked
 * of the policy here, never in the controller.
 */
@Service
record CaseStudyPages(CaseStudies caseStudies, CaseStudyWriting writing, LearningPolicy policy, Themes themes,
		MunicipalitySearch municipalities) {

	/** How many municipalities a search offers to add. */
	static final int SEARCH_RESULTS = 10;

	/** The search page: the results and the filters as understood. */
	record Search(ResultPage<CaseStudies.Listed> results, String q, String theme, boolean themeRefused, Long municipality,
			List<String> themeCodes) {
	}

	/**
	 * A case study's page; {@code hiddenImages}: the images in its text that are not shown, for
	 * whoever may edit it (empty for everyone else).
	 */
	record Study(CaseStudies.CaseStudy study, boolean mayEdit, boolean mayModerate, List<String> hiddenImages) {
	}

	/**
	 * What the form shows besides what was typed: the case study edited (null for a new one), the
	 * choices, the municipalities chosen by name, the picker's results ({@code null} unless the
	 * author searched, or a name typed meant several), the preview ({@code null} unless asked for),
	 * and the images of the text that will not be shown.
	 */
	record Form(CaseStudies.CaseStudy study, List<CaseStudies.AgreementChoice> agreementChoices, List<String> themeCodes,
			List<CaseStudies.Place> chosen, List<MunicipalitySummary> searchResults, Preview preview,
			List<String> hiddenImages) {

		public boolean searched() {
			return this.searchResults != null;
		}
	}

	/** The text as the published page will show it: the body through the same renderer. */
	record Preview(String title, String summary, String language, String bodyHtml) {
	}

	/**
	 * What sending the form came to: saved ({@code id}), or the form to show again, after a picker
	 * button or the preview ({@code picking}: no message, nothing saved), or with its errors.
	 */
	record Saved(Long id, Form form, boolean picking, CaseStudyForm shown) {
	}

	/** Never fails on what the visitor sent: an unknown theme is dropped (and said so), a bad number ignored. */
	Search search(String q, String theme, String municipality, String page) {
		List<String> codes = this.themes.codes();
		String themeCode = theme == null ? null : theme.strip().toUpperCase(Locale.ROOT);
		boolean themeRefused = themeCode != null && !themeCode.isEmpty() && !codes.contains(themeCode);
		if (themeRefused || (themeCode != null && themeCode.isEmpty())) {
			themeCode = null;
		}
		Long municipalityId = Text.idOrNull(municipality);
		return new Search(this.caseStudies.search(q, themeCode, municipalityId, pageNumber(page)),
				q == null ? "" : q.strip(), themeCode, themeRefused, municipalityId, codes);
	}

	Study study(Actor actor, long id) {
		CaseStudies.CaseStudy study = this.caseStudies.read(actor, id);
		boolean mayEdit = this.policy.mayEdit(actor, study);
		return new Study(study, mayEdit, this.policy.mayModerate(actor),
				mayEdit ? SafeMarkdown.images(study.body()) : List.of());
	}

	/** The empty form, if the actor may write case studies. */
	Form newForm(Actor actor, CaseStudyForm form) {
		mayWrite(actor);
		return form(null, form);
	}

	/** The form of a case study the actor may edit: 404 if they may not read it, else 403. */
	Form editForm(Actor actor, long id) {
		CaseStudies.CaseStudy study = this.caseStudies.editable(actor, id);
		return form(study, CaseStudyForm.of(study));
	}

	/**
	 * Saves a new case study when the form is valid and "save" was pressed; else (or when refused,
	 * the refusal added to {@code result}) the form to show again.
	 */
	Saved create(Actor actor, String actorLabel, CaseStudyForm form, BindingResult result) {
		mayWrite(actor);
		return submit(null, form, result, ready -> this.writing.create(actor, actorLabel, ready));
	}

	/** As {@link #create}, for an edit of a case study the actor may edit. */
	Saved update(Actor actor, String actorLabel, long id, CaseStudyForm form, BindingResult result) {
		CaseStudies.CaseStudy study = this.caseStudies.editable(actor, id);
		return submit(study, form, result, ready -> {
			this.writing.update(actor, actorLabel, study.id(), ready);
			return study.id();
		});
	}

	/** Saving a form whose municipalities are all chosen: the case study's id, or a {@link Refusal}. */
	@FunctionalInterface
	private interface Save {

		long save(CaseStudyForm form);
	}

	private Saved submit(CaseStudies.CaseStudy study, CaseStudyForm form, BindingResult result, Save save) {
		if (form.isPicking()) {
			CaseStudyForm picked = form.picked();
			List<MunicipalitySummary> found = "search".equals(form.action()) && !picked.searchText().isEmpty() ? search(picked) : null;
			Preview preview = form.isPreview() ? new Preview(Text.blankToNull(form.title()), Text.blankToNull(form.summary()),
					form.language(), SafeMarkdown.toHtml(form.body())) : null;
			return new Saved(null, form(study, picked, found, preview), true, picked);
		}
		CaseStudyForm ready = form;
		List<MunicipalitySummary> candidates = null;
		if (!form.searchText().isEmpty()) {
			// A name typed but not looked up: saved if it names one municipality, else the candidates to choose from.
			// (Those already chosen count too: naming one again is no mistake.)
			List<MunicipalitySummary> found = this.municipalities.find(form.searchText(), SEARCH_RESULTS);
			MunicipalitySummary one = onlyMatch(form.searchText(), found);
			if (one != null) {
				List<String> ids = new java.util.ArrayList<>(form.picked().municipalityIds());
				if (!ids.contains(String.valueOf(one.id()))) {
					ids.add(String.valueOf(one.id()));
				}
				ready = form.withMunicipalities(ids, "");
			}
			else {
				// Several of the very name: those are the candidates, not every similar one.
				List<MunicipalitySummary> same = sameName(form.searchText(), found);
				candidates = same.size() > 1 ? same : found;
				result.rejectValue("municipalitySearch", found.isEmpty() ? "learning.case.municipalitySearch.unknown"
						: "learning.case.municipalitySearch.ambiguous", new Object[] { Text.typed(form.searchText()) }, null);
			}
		}
		if (!result.hasErrors()) {
			try {
				return new Saved(save.save(ready), null, false, ready);
			}
			catch (Refusal refusal) {
				refusal.rejectIn(result);
			}
		}
		return new Saved(null, form(study, form, candidates, null), false, form);
	}

	/** The directory's best matches for the name, without those already chosen. */
	private List<MunicipalitySummary> search(CaseStudyForm form) {
		if (form.searchText().isEmpty()) {
			return List.of();
		}
		List<Long> chosen = form.municipalityIdList() == null ? List.of() : form.municipalityIdList();
		return this.municipalities.find(form.searchText(), SEARCH_RESULTS)
			.stream()
			.filter(m -> !chosen.contains(m.id()))
			.toList();
	}

	/**
	 * The one municipality a typed name means: the only match, or the only one whose name (in its
	 * own or the directory's spelling) is the name typed, ignoring case and accents; else none.
	 */
	static MunicipalitySummary onlyMatch(String typed, List<MunicipalitySummary> found) {
		if (found.size() == 1) {
			return found.get(0);
		}
		List<MunicipalitySummary> same = sameName(typed, found);
		return same.size() == 1 ? same.get(0) : null;
	}

	/** Those whose name, in the directory's or their own spelling, is the name typed, ignoring case and accents. */
	static List<MunicipalitySummary> sameName(String typed, List<MunicipalitySummary> found) {
		String key = NameIndex.normalise(typed);
		return found.stream()
			.filter(m -> key.equals(NameIndex.normalise(m.name())) || key.equals(NameIndex.normalise(m.nativeName())))
			.toList();
	}

	private void mayWrite(Actor actor) {
		if (!this.policy.mayWriteCaseStudy(actor)) {
			throw new AccessDeniedException("May not write case studies");
		}
	}

	private Form form(CaseStudies.CaseStudy study, CaseStudyForm form) {
		return form(study, form, null, null);
	}

	private Form form(CaseStudies.CaseStudy study, CaseStudyForm form, List<MunicipalitySummary> searchResults,
			Preview preview) {
		List<Long> ids = form.municipalityIdList();
		return new Form(study, this.caseStudies.agreementChoices(form), this.themes.codes(),
				this.caseStudies.places(ids == null ? List.of() : ids), searchResults, preview,
				SafeMarkdown.images(form.body()));
	}

	private static int pageNumber(String value) {
		try {
			return Math.max(1, Integer.parseInt(value == null ? "1" : value.strip()));
		}
		catch (NumberFormatException ex) {
			return value != null && value.strip().matches("\\d+") ? Integer.MAX_VALUE : 1;
		}
	}
}
