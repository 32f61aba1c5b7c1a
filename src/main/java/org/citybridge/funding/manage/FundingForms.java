package org.citybridge.funding.manage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import org.citybridge.country.CountryGroup;
import org.citybridge.country.CountryChoices;
import org.citybridge.funding.BodyKind;
import org.citybridge.funding.Call;
import org.citybridge.funding.FundingCatalogue;
import org.citybridge.funding.FundingNotFound;
import org.citybridge.funding.FundingPolicy;
import org.citybridge.funding.Instrument;
import org.citybridge.system.Actor;
import org.citybridge.system.DisplayNames.NameIndex;
import org.citybridge.system.Refusal;
import org.citybridge.system.Submitted;
import org.citybridge.system.Text;
import org.citybridge.system.ViewerZone;
import org.citybridge.theme.Themes;

import org.springframework.stereotype.Service;
import org.springframework.ui.Model;

/**
 * Staff's forms for instruments and calls, each in one call: the form to fill in with its choices,
 * and a submitted form saved through {@link FundingEditor}, or given back with its choices and why
 * it was refused. Who may open them is the {@link FundingPolicy}'s answer, asked first.
 */
@Service
record FundingForms(FundingEditor editor, FundingCatalogue catalogue, FundingPolicy policy, Themes themes,
		CountryChoices countries) {

	/** A form page: what it shows and the view that shows it. */
	interface Page {

		/** Puts the page in the model and names its view. */
		String show(Model model);
	}

	/** The instrument form: the instrument (null for a new one), the form (null when already bound) and its choices. */
	record InstrumentPage(Instrument instrument, InstrumentForm form, List<String> themes) implements Page {

		@Override
		public String show(Model model) {
			if (this.form != null) {
				model.addAttribute("instrumentForm", this.form);
			}
			model.addAttribute("instrument", this.instrument);
			model.addAttribute("themes", this.themes);
			model.addAttribute("groups", CountryGroup.values());
			model.addAttribute("bodies", BodyKind.values());
			return "funding/form";
		}
	}

	/** The call form: its instrument, the call (null for a new one), the form (null when already bound). */
	record CallPage(Instrument instrument, Long callId, CallForm form) implements Page {

		@Override
		public String show(Model model) {
			if (this.form != null) {
				model.addAttribute("callForm", this.form);
			}
			model.addAttribute("instrument", this.instrument);
			model.addAttribute("callId", this.callId);
			model.addAttribute("suggestedZones", ViewerZone.SUGGESTED);
			model.addAttribute("groups", CountryGroup.values());
			return "funding/call-form";
		}
	}

	/** Where a saved form leads, and the flash message to show there. */
	record Saved(String location, String flash) {
	}

	InstrumentPage newInstrument(Actor actor) {
		this.policy.requireEditor(actor);
		return new InstrumentPage(null, InstrumentForm.empty(), this.themes.codes());
	}

	/** The instrument's form, its exception countries by their names in the page's language. */
	InstrumentPage editInstrument(Actor actor, String slug, Locale locale) {
		Instrument instrument = this.editor.editable(actor, slug);
		InstrumentForm form = InstrumentForm.of(instrument);
		List<List<String>> named = InstrumentForm.COUNTRY_FIELDS.stream()
			.map(field -> form.countries(field).stream().map(code -> this.countries.name(code, locale)).toList())
			.toList();
		return new InstrumentPage(instrument, form.withCountries(named), this.themes.codes());
	}

	/** Creates the instrument, unless the form is {@code invalid} already or the editor refuses it. */
	Submitted<Saved, Page> createInstrument(Actor actor, String actorLabel, InstrumentForm form, boolean invalid,
			Locale locale) {
		this.policy.requireEditor(actor);
		InstrumentPage again = new InstrumentPage(null, null, this.themes.codes());
		return withCountryCodes(form, locale, again, coded -> submit(invalid, again,
				"funding.flash.instrumentCreated", () -> "/funding/" + this.editor.createInstrument(actor, actorLabel, coded)));
	}

	Submitted<Saved, Page> updateInstrument(Actor actor, String actorLabel, String slug, InstrumentForm form, boolean invalid,
			Locale locale) {
		Instrument instrument = this.editor.editable(actor, slug);
		InstrumentPage again = new InstrumentPage(instrument, null, this.themes.codes());
		return withCountryCodes(form, locale, again, coded -> submit(invalid, again,
				"funding.flash.instrumentUpdated", () -> "/funding/" + this.editor.updateInstrument(actor, actorLabel, slug, coded)));
	}

	/**
	 * The form with the countries as codes: each value typed must name one country (in any of the
	 * portal's languages, or by code), and no country may be both allowed and refused for a role.
	 * Every value that does not is refused next to its field, with the candidates when it could mean
	 * several, also when the form has other errors, so that all of them show at once; else the form
	 * with codes goes on to {@code next}.
	 */
	private Submitted<Saved, Page> withCountryCodes(InstrumentForm form, Locale locale, Page again,
			Function<InstrumentForm, Submitted<Saved, Page>> next) {
		List<Refusal> refusals = new ArrayList<>();
		List<List<String>> codes = new ArrayList<>();
		for (String field : InstrumentForm.COUNTRY_FIELDS) {
			List<String> found = new ArrayList<>();
			for (String typed : form.countries(field)) {
				NameIndex.Match match = this.countries.find(typed);
				if (match.found()) {
					found.add(match.code());
				}
				else {
					refusals.add(match.refusal(field, "funding.instrument.countries", this.countries.index(), locale));
				}
			}
			codes.add(found);
		}
		for (int role = 0; role < 4; role += 2) {
			for (String code : codes.get(role)) {
				if (codes.get(role + 1).contains(code)) {
					refusals.add(new Refusal(InstrumentForm.COUNTRY_FIELDS.get(role + 1), "funding.instrument.countries.both",
							this.countries.name(code, locale)));
				}
			}
		}
		if (!refusals.isEmpty()) {
			return Submitted.again(again, Refusal.Several.of(refusals));
		}
		return next.apply(form.withCountries(codes));
	}

	CallPage newCall(Actor actor, String slug) {
		return new CallPage(this.editor.editable(actor, slug), null, CallForm.empty());
	}

	/** The call {@code id} of the instrument at {@code slug}, or {@code FundingNotFound}. */
	CallPage editCall(Actor actor, String slug, String id) {
		Instrument instrument = this.editor.editable(actor, slug);
		Call call = this.catalogue.call(instrument.id(), Text.requireId(id, FundingNotFound::new));
		return new CallPage(instrument, call.id(), CallForm.of(call, this.catalogue.callRules(call.id())));
	}

	Submitted<Saved, Page> createCall(Actor actor, String actorLabel, String slug, CallForm form, boolean invalid) {
		Instrument instrument = this.editor.editable(actor, slug);
		return submit(invalid, new CallPage(instrument, null, null), "funding.flash.callCreated",
				() -> "/funding/" + instrument.slug() + "#call-" + this.editor.createCall(actor, actorLabel, slug, form));
	}

	Submitted<Saved, Page> updateCall(Actor actor, String actorLabel, String slug, String id, CallForm form, boolean invalid) {
		Instrument instrument = this.editor.editable(actor, slug);
		long callId = this.catalogue.call(instrument.id(), Text.requireId(id, FundingNotFound::new)).id();
		return submit(invalid, new CallPage(instrument, callId, null), "funding.flash.callUpdated", () -> {
			this.editor.updateCall(actor, actorLabel, slug, callId, form);
			return "/funding/" + instrument.slug() + "#call-" + callId;
		});
	}

	/** Saves (giving the address to go to) unless the form is invalid already; a refusal gives the form back. */
	private static Submitted<Saved, Page> submit(boolean invalid, Page again, String flash, Supplier<String> save) {
		if (!invalid) {
			try {
				return Submitted.saved(new Saved(save.get(), flash));
			}
			catch (Refusal refusal) {
				return Submitted.again(again, refusal);
			}
		}
		return Submitted.again(again, null);
	}
}
