package org.citybridge.agreement.register;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.citybridge.agreement.AgreementPolicy;
import org.citybridge.agreement.AgreementSection;
import org.citybridge.funding.FundingFinder;
import org.citybridge.funding.Verdict;
import org.citybridge.municipality.MunicipalitySearch;
import org.citybridge.municipality.MunicipalitySummary;
import org.citybridge.system.Actor;
import org.citybridge.system.ResultPage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The register's pages, each from one call: the filtered list, an agreement's page, the staff's
 * list of unverified agreements, and the form to register or edit an agreement (its choices, the
 * party picker, and saving it or showing it again with why it was refused).
 */
@Service
record AgreementPages(AgreementCatalogue catalogue,
		AgreementRegister register,
		AgreementPolicy policy,
		MunicipalitySearch municipalities,
		FundingFinder funding,
		RegisterOptions options,
		RegisterPage page,
		ObjectProvider<AgreementSection> sections,
		org.citybridge.agreement.AgreementLookup lookup,
		org.citybridge.event.EventCatalogue events) {

	/** How many unverified agreements the staff's list shows at a time. */
	static final int UNVERIFIED_PAGE_SIZE = 50;

	/**
	 * The register's list: the query and its page of agreements, and the page's content written by
	 * {@link RegisterPage} (filters, count, table, pager) with what the viewer may do.
	 */
	record ListPage(AgreementCatalogue.Register register, CharSequence contentHtml) {
	}


	/**
	 * An agreement's page: the agreement, the funding its two parties could use ({@code null} unless
	 * there are exactly two), what the viewer may do, and the sections other features add.
	 */
	record DetailPage(AgreementCatalogue.Detail agreement, List<Verdict> funding, String finderHref, boolean mayEdit,
			boolean mayVerify, List<AgreementSection.Rendered> sections) {
	}

	/**
	 * The form as it is shown: its values, the agreement edited ({@code null} for a new one), the
	 * chosen parties by name, the choices of its lists, and the picker's search results when the
	 * visitor searched ({@code null} otherwise).
	 */
	record FormPage(AgreementForm form, Long agreementId, List<AgreementCatalogue.Signatory> chosen,
			List<String> themeCodes, List<AgreementCatalogue.EventOption> events,
			List<MunicipalitySummary> searchResults) {

		boolean searched() {
			return this.searchResults != null;
		}
	}

	/**
	 * What sending the form came to: the agreement saved ({@code savedId}), or the form to show
	 * again, after a picker button ({@code picking}) or with why it was not saved ({@code refused},
	 * or the form's own errors).
	 */
	record Outcome(Long savedId, FormPage page, boolean picking, AgreementRefused refused) {

		boolean saved() {
			return this.savedId != null;
		}
	}

	ListPage list(AgreementParams params, Actor actor, Locale locale) {
		AgreementCatalogue.Register found = this.catalogue.register(params);
		AgreementQuery query = found.query();
		return new ListPage(found, this.page.html(new RegisterPage.Content(query, found.results(),
				this.options.filters(query, locale),
				this.events.byIds(found.forums()), this.policy.mayStart(actor), this.policy.mayVerify(actor)), locale));
	}

	DetailPage detail(long id, Actor actor) {
		AgreementCatalogue.Detail detail = this.catalogue.detail(id);
		List<Verdict> usable = null;
		String finderHref = null;
		if (detail.parties().size() == 2) {
			long a = detail.parties().get(0).id();
			long b = detail.parties().get(1).id();
			usable = this.funding.usableByPair(a, b);
			finderHref = "/funding/finder?a=" + a + "&b=" + b;
		}
		List<AgreementSection.Rendered> rendered = this.sections.stream()
			.sorted(Comparator.comparingInt(AgreementSection::order))
			.map(section -> section.render(id))
			.filter(Objects::nonNull)
			.toList();
		return new DetailPage(detail, usable, finderHref, this.register.mayEdit(actor, id), this.policy.mayVerify(actor),
				rendered);
	}

	/** The staff's work list; the page as sent, anything unusable being the first. */
	ResultPage<org.citybridge.agreement.AgreementLookup.Unverified> unverified(Actor actor, String page) {
		if (!this.policy.mayVerify(actor)) {
			throw new AccessDeniedException("Staff only");
		}
		int p = page != null && page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1;
		long total = this.lookup.unverifiedCount();
		int lastPage = (int) Math.max(1, (total + UNVERIFIED_PAGE_SIZE - 1) / UNVERIFIED_PAGE_SIZE);
		int shown = Math.min(Math.max(1, p), lastPage);
		return ResultPage.of(this.lookup.unverified(UNVERIFIED_PAGE_SIZE, (long) (shown - 1) * UNVERIFIED_PAGE_SIZE), total,
				shown, UNVERIFIED_PAGE_SIZE);
	}

	/** The empty form (403 if the actor may register nothing), with any parties the address names. */
	FormPage newForm(Actor actor, List<String> partyIds) {
		return formPage(this.register.newForm(actor).withParties(partyIds), null, null);
	}

	/** The form of an existing agreement (403 if the actor may not edit it). */
	FormPage editForm(Actor actor, long id) {
		return formPage(this.register.editForm(actor, id), id, null);
	}

	/** Registers the agreement sent, or says how to show the form again; {@code valid}: the form has no errors of its own. */
	Outcome create(Actor actor, String actorLabel, AgreementForm form, boolean valid) {
		this.register.newForm(actor);
		return submit(form, null, valid,
				() -> this.register.create(actor, actorLabel, form, SignedDocument.of(form.document())));
	}

	/** Saves the changes sent to an agreement, or says how to show the form again. */
	Outcome update(Actor actor, String actorLabel, long id, AgreementForm form, boolean valid) {
		this.register.editForm(actor, id);
		return submit(form, id, valid, () -> {
			this.register.update(actor, actorLabel, id, form, SignedDocument.of(form.document()));
			return id;
		});
	}

	private Outcome submit(AgreementForm form, Long agreementId, boolean valid, Save save) {
		if (form.isPicking()) {
			return new Outcome(null, picking(form, agreementId), true, null);
		}
		AgreementRefused refused = null;
		if (valid) {
			try {
				return new Outcome(save.save(), null, false, null);
			}
			catch (AgreementRefused ex) {
				refused = ex;
			}
		}
		return new Outcome(null, formPage(form, agreementId, null), false, refused);
	}

	/** A picker button: the form comes back with the party added or removed, or with search results. */
	private FormPage picking(AgreementForm form, Long agreementId) {
		AgreementForm picked = form.picked();
		List<MunicipalitySummary> found = null;
		if ("search".equals(form.action())) {
			found = this.municipalities.find(picked.partySearch(), 10)
				.stream()
				.filter(m -> !picked.parties().contains(m.id()))
				.toList();
		}
		return formPage(picked, agreementId, found);
	}

	private FormPage formPage(AgreementForm form, Long agreementId, List<MunicipalitySummary> searchResults) {
		return new FormPage(form, agreementId, this.catalogue.partiesByIds(form.parties()), this.options.themeCodes(),
				this.catalogue.events(), searchResults);
	}

	/** Saving the form: the agreement's id, or an {@link AgreementRefused}. */
	@FunctionalInterface
	private interface Save {

		long save();
	}
}
