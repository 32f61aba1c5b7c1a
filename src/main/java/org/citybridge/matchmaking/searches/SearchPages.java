package org.citybridge.matchmaking.searches;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.citybridge.country.CountryGroup;
import org.citybridge.funding.Call;
import org.citybridge.funding.FundingCatalogue;
import org.citybridge.funding.Instruments;
import org.citybridge.funding.Verdict;
import org.citybridge.funding.FundingFinder;
import org.citybridge.matchmaking.SearchFits;
import org.citybridge.system.Actor;
import org.citybridge.theme.Themes;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each partner-search page reads, from one call: the list with its filters, a search with what
 * the reader may see and do (its group's names to its members, or to all once published; counts to
 * everyone else), and the form's choices.
 */
@Service
class SearchPages {

	/** How many fitting municipalities a search's author sees. */
	static final int CANDIDATES = 5;

	/** The list: the searches that pass the filters, the filters as understood, and their choices. */
	record ListPage(List<PartnerSearch> searches, String theme, String group, String instrument, boolean openOnly,
			List<String> themes, List<CountryGroup> groups, List<Instruments.Ref> instruments, boolean mayPublish,
			Instant now) {

		boolean filtered() {
			return this.theme != null || this.group != null || this.instrument != null || this.openOnly;
		}
	}

	/**
	 * One search: its state at {@code now}; whether the reader may express interest, and their
	 * municipality's interest if any; for its author's side the pending interests and the best-fitting
	 * municipalities not yet interested; the group (names) to members or once public, else only its
	 * counts; the group check for the instrument it aims at, to whoever may see the group.
	 */
	record DetailPage(PartnerSearch search, String state, boolean mayInterest, Interest ownInterest, boolean mayWithdraw,
			boolean authorSide,
			boolean member, List<Interest> pending, List<Interest> group, boolean groupShown, Verdict groupCheck,
			String groupCheckHref, List<SearchFits.Candidate> candidates, Instant now) {
	}

	/** The form's choices: themes, groups, instruments and their calls not yet closed. */
	record FormChoices(List<String> themes, List<CountryGroup> groups, List<Instruments.Ref> instruments,
			List<CallChoice> calls) {
	}

	/** A call to choose, named with its instrument's short name. */
	record CallChoice(long id, String instrumentShortName, Call call) {
	}

	private final SearchReads reads;

	private final PartnerSearches searches;

	private final Themes themes;

	private final Instruments instruments;

	private final FundingCatalogue catalogue;

	private final FundingFinder finder;

	private final SearchFits fits;

	private final org.citybridge.country.CountryChoices countryChoices;

	SearchPages(SearchReads reads, PartnerSearches searches, Themes themes, Instruments instruments,
			FundingCatalogue catalogue, FundingFinder finder, SearchFits fits,
			org.citybridge.country.CountryChoices countryChoices) {
		this.reads = reads;
		this.searches = searches;
		this.themes = themes;
		this.instruments = instruments;
		this.catalogue = catalogue;
		this.finder = finder;
		this.fits = fits;
		this.countryChoices = countryChoices;
	}

	@Transactional(readOnly = true)
	ListPage list(String theme, String group, String instrument, String open, Actor actor) {
		List<String> codes = this.themes.codes();
		String themeFilter = codes.contains(theme) ? theme : null;
		CountryGroup groupFilter = Arrays.stream(CountryGroup.values()).filter(g -> g.name().equals(group)).findFirst()
			.orElse(null);
		List<Instruments.Ref> all = this.instruments.all();
		String instrumentFilter = all.stream().map(Instruments.Ref::slug).filter(s -> s.equals(instrument)).findFirst()
			.orElse(null);
		boolean openOnly = open != null && Set.of("1", "true", "on", "yes").contains(open.strip());
		Instant now = this.searches.now();
		return new ListPage(this.reads.list(themeFilter, groupFilter == null ? null : groupFilter.name(), instrumentFilter,
				openOnly, now), themeFilter, groupFilter == null ? null : groupFilter.name(), instrumentFilter, openOnly,
				codes, List.of(CountryGroup.values()), all, SearchPolicy.mayPublish(actor), now);
	}

	@Transactional(readOnly = true)
	DetailPage detail(Actor actor, long id, Locale locale) {
		PartnerSearch search = this.searches.search(id);
		Instant now = this.searches.now();
		List<Interest> interests = this.reads.interests(id);
		List<Interest> accepted = interests.stream().filter(Interest::accepted).toList();
		boolean authorSide = SearchPolicy.isAuthorSide(actor, search);
		boolean member = SearchPolicy.isMember(actor, search, accepted.stream().map(Interest::municipalityId).toList());
		Interest own = actor.role() == Actor.Role.OFFICER && actor.municipalityId() != null ? interests.stream()
			.filter(i -> i.municipalityId() == actor.municipalityId()).findFirst().orElse(null) : null;
		boolean groupShown = member || search.groupPublic();
		List<Long> ids = new ArrayList<>();
		if (search.municipalityId() != null) {
			ids.add(search.municipalityId());
		}
		accepted.forEach(i -> ids.add(i.municipalityId()));
		Verdict check = groupShown && search.instrumentId() != null && !ids.isEmpty()
				? this.finder.forGroup(search.instrumentId(), search.callId(), ids, locale).orElse(null) : null;
		String href = groupShown && !ids.isEmpty() ? groupHref(ids, search.instrumentSlug(), search.callId()) : null;
		return new DetailPage(search, search.state(now),
				SearchPolicy.mayExpressInterest(actor, search) && own == null && search.open(now), own,
				own != null && !"DECLINED".equals(own.status()), authorSide, member,
				authorSide ? interests.stream().filter(Interest::pending).toList() : List.of(),
				groupShown ? accepted : List.of(), groupShown, check, href,
				authorSide && search.open(now) ? this.fits.forSearch(search, interests, CANDIDATES, locale)
						: List.of(),
				now);
	}

	/** The group check's address for the group, with the instrument and call the search aims at (the call's rules then hold). */
	static String groupHref(List<Long> ids, String instrument, Long call) {
		org.springframework.web.util.UriComponentsBuilder uri = org.springframework.web.util.UriComponentsBuilder
			.fromPath("/funding/group");
		ids.forEach(i -> uri.queryParam("m", i));
		if (instrument != null) {
			uri.queryParam("instrument", instrument);
		}
		if (call != null) {
			uri.queryParam("call", call);
		}
		return uri.build().encode().toUriString();
	}

	FormChoices choices() {
		Instant now = this.searches.now();
		List<Instruments.Ref> all = this.instruments.all();
		List<CallChoice> calls = new ArrayList<>();
		this.catalogue.currentCalls(now).forEach((instrumentId, list) -> {
			String shortName = all.stream().filter(i -> i.id() == instrumentId).map(Instruments.Ref::shortName).findFirst()
				.orElse("");
			list.forEach(c -> calls.add(new CallChoice(c.id(), shortName, c)));
		});
		return new FormChoices(this.themes.codes(), List.of(CountryGroup.values()), all, calls);
	}

	/** The form of a new search, if the actor may publish one (else 403): its choices and first values. */
	FormPage newForm(Actor actor) {
		if (!SearchPolicy.mayPublish(actor)) {
			throw new org.springframework.security.access.AccessDeniedException("Only officers and staff publish partner searches");
		}
		return new FormPage(null, choices(), emptyForm());
	}

	/** A form page: the search published ({@code published}), or the form to show again with its choices. */
	record FormPage(Long published, FormChoices choices, SearchForm form) {
	}

	/** Publishes the search when the form is valid; else (or when refused, the refusal added to {@code result}) the form again. */
	FormPage publish(Actor actor, String actorLabel, SearchForm form, org.springframework.validation.BindingResult result,
			Locale locale) {
		if (!SearchPolicy.mayPublish(actor)) {
			throw new org.springframework.security.access.AccessDeniedException("Only officers and staff publish partner searches");
		}
		if (!result.hasErrors()) {
			try {
				return new FormPage(this.searches.publish(actor, actorLabel, form, locale), null, form);
			}
			catch (org.citybridge.system.Refusal refusal) {
				refusal.rejectIn(result);
			}
		}
		return new FormPage(null, choices(), form);
	}

	/** The form of an existing search with its values, for its author's side (else 403) while not complete. */
	FormPage editForm(Actor actor, long id, Locale locale) {
		PartnerSearch search = editable(actor, id);
		java.time.ZoneId zone = search.callId() == null ? ZoneOffset.UTC
				: this.catalogue.calls(search.instrumentId()).stream().filter(c -> c.id() == search.callId())
					.map(Call::zone).findFirst().orElse(ZoneOffset.UTC);
		List<CountryGroup> groups = search.groups().stream().map(CountryGroup::valueOf).toList();
		SearchForm form = new SearchForm(search.title(), search.idea(), search.themes(),
				search.instrumentSlug() == null ? "" : search.instrumentSlug(),
				search.callId() == null ? "" : String.valueOf(search.callId()), String.valueOf(search.partnersNeeded()),
				groups, String.join(", ", search.languages()), LocalDate.ofInstant(search.expiresAt(), zone).toString(),
				String.join(", ", search.countries().stream().map(c -> this.countryChoices.name(c, locale)).toList()),
				search.version());
		return new FormPage(null, choices(), form);
	}

	/** Saves the edited search when the form is valid: its id when saved, else the form again with the refusal. */
	FormPage edit(Actor actor, String actorLabel, long id, SearchForm form,
			org.springframework.validation.BindingResult result) {
		editable(actor, id);
		if (!result.hasErrors()) {
			try {
				this.searches.edit(actor, actorLabel, id, form);
				return new FormPage(id, null, form);
			}
			catch (org.citybridge.system.Refusal refusal) {
				refusal.rejectIn(result);
			}
		}
		return new FormPage(null, choices(), form);
	}

	private PartnerSearch editable(Actor actor, long id) {
		PartnerSearch search = this.searches.search(id);
		if (!SearchPolicy.isAuthorSide(actor, search)) {
			throw new org.springframework.security.access.AccessDeniedException("May not edit partner search " + id);
		}
		return search;
	}

	/** Expresses interest when the form is valid: {@code null} when done, else the search's page to show again. */
	DetailPage interest(Actor actor, String actorLabel, long id, InterestForm form,
			org.springframework.validation.BindingResult result, Locale locale) {
		if (!result.hasErrors()) {
			try {
				this.searches.expressInterest(actor, actorLabel, id, form);
				return null;
			}
			catch (org.citybridge.system.Refusal refusal) {
				refusal.rejectIn(result);
			}
		}
		return detail(actor, id, locale);
	}

	/** The form's first values: expiring in 60 days. */
	SearchForm emptyForm() {
		return SearchForm.empty(LocalDate.ofInstant(this.searches.now(), ZoneOffset.UTC).plusDays(60).toString());
	}
}
