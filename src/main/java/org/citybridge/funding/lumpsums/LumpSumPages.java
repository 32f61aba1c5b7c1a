package org.citybridge.funding.lumpsums;

import java.util.Locale;

import org.citybridge.funding.Call;
import org.citybridge.funding.FundingCatalogue;
import org.citybridge.funding.FundingNotFound;
import org.citybridge.funding.FundingPolicy;
import org.citybridge.funding.Instrument;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Submitted;
import org.citybridge.system.Text;

import org.springframework.stereotype.Service;
import org.springframework.ui.Model;

/**
 * The lump-sum table's form, for staff only (else 403, asked before anything is read): the table of an
 * instrument or of one of its calls, and the save that goes back to the instrument's page or gives the
 * form again with what was refused, next to its field.
 */
@Service
record LumpSumPages(LumpSums lumpSums, FundingCatalogue catalogue, FundingPolicy policy) {

	/** The form's page: its instrument, its call (null for the instrument's own table), the form (null when bound). */
	record Page(Instrument instrument, Call call, LumpSumForm form) {

		String show(Model model) {
			if (this.form != null) {
				model.addAttribute("lumpSumForm", this.form);
			}
			model.addAttribute("instrument", this.instrument);
			model.addAttribute("call", this.call);
			return "funding/lump-sums";
		}
	}

	Page form(Actor actor, String slug, String callId) {
		Page page = page(actor, slug, callId);
		LumpSumForm form = (page.call() == null ? this.lumpSums.ofInstrument(page.instrument().id())
				: this.lumpSums.ofCall(page.call().id())).map(LumpSumForm::of).orElse(LumpSumForm.empty());
		return new Page(page.instrument(), page.call(), form);
	}

	/** Saves the table unless the form is {@code invalid} already; gives the address of the instrument's page. */
	Submitted<String, Page> save(Actor actor, String actorLabel, String slug, String callId, LumpSumForm form,
			boolean invalid, Locale locale) {
		Page page = page(actor, slug, callId);
		if (!invalid) {
			try {
				this.lumpSums.save(actor, actorLabel, page.instrument().id(), page.call() == null ? null : page.call().id(),
						form, locale);
				return Submitted.saved("/funding/" + page.instrument().slug()
						+ (page.call() == null ? "#lump-sums" : "#call-" + page.call().id()));
			}
			catch (Refusal refusal) {
				return Submitted.again(page, refusal);
			}
		}
		return Submitted.again(page, null);
	}

	private Page page(Actor actor, String slug, String callId) {
		this.policy.requireEditor(actor);
		Instrument instrument = this.catalogue.bySlug(slug);
		Call call = callId == null ? null
				: this.catalogue.call(instrument.id(), Text.requireId(callId, FundingNotFound::new));
		return new Page(instrument, call, null);
	}
}
