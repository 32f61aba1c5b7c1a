package org.citybridge.learning;

import java.util.List;
import java.util.Locale;

import org.citybridge.system.Actor;
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
record CaseStudyPages(CaseStudies caseStudies, CaseStudyWriting writing, LearningPolicy policy, Themes themes) {

	/** The search page: the results and the filters as understood. */
	record Search(ResultPage<CaseStudies.Listed> results, String q, String theme, boolean themeRefused, Long municipality,
			List<String> themeCodes) {
	}

	/** A case study's page. */
	record Study(CaseStudies.CaseStudy study, boolean mayEdit, boolean mayModerate) {
	}

	/** What the form shows besides what was typed: the case study edited (null for a new one) and the choices. */
	record Form(CaseStudies.CaseStudy study, List<CaseStudies.AgreementChoice> agreementChoices, List<String> themeCodes) {
	}

	/** A save: the case study's id when saved, else the form to show again. */
	record Saved(Long id, Form form) {
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
		return new Study(study, this.policy.mayEdit(actor, study), this.policy.mayModerate(actor));
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
	 * Saves a new case study when the form is valid and not only refreshed; else (or when refused,
	 * the refusal added to {@code result}) the form to show again.
	 */
	Saved create(Actor actor, String actorLabel, CaseStudyForm form, boolean refresh, BindingResult result) {
		mayWrite(actor);
		if (!refresh && !result.hasErrors()) {
			try {
				return new Saved(this.writing.create(actor, actorLabel, form), null);
			}
			catch (Refusal refusal) {
				refusal.rejectIn(result);
			}
		}
		return new Saved(null, form(null, form));
	}

	/** As {@link #create}, for an edit of a case study the actor may edit. */
	Saved update(Actor actor, String actorLabel, long id, CaseStudyForm form, boolean refresh, BindingResult result) {
		CaseStudies.CaseStudy study = this.caseStudies.editable(actor, id);
		if (!refresh && !result.hasErrors()) {
			try {
				this.writing.update(actor, actorLabel, study.id(), form);
				return new Saved(study.id(), null);
			}
			catch (Refusal refusal) {
				refusal.rejectIn(result);
			}
		}
		return new Saved(null, form(study, form));
	}

	private void mayWrite(Actor actor) {
		if (!this.policy.mayWriteCaseStudy(actor)) {
			throw new AccessDeniedException("May not write case studies");
		}
	}

	private Form form(CaseStudies.CaseStudy study, CaseStudyForm form) {
		return new Form(study, this.caseStudies.agreementChoices(form), this.themes.codes());
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
