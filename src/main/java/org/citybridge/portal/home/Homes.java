package org.citybridge.portal.home;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.citybridge.agreement.AgreementLookup;
import org.citybridge.funding.Eligibility;
import org.citybridge.funding.FundingDeadlines;
import org.citybridge.funding.FundingFinder;
import org.citybridge.learning.CaseStudies;
import org.citybridge.matchmaking.PartnerSuggestions;
import org.citybridge.matchmaking.SearchFits;
import org.citybridge.system.Actor;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each signed-in role's home, where signing in lands: what waits for this person, each item
 * linking where the work is done. An officer's visit is remembered (when, and which suggestions
 * it showed), so the next visit marks the suggestions that are new since.
 */
@Service
class Homes {

	/** How many suggestions, unverified agreements and deadlines a home lists at most. */
	static final int SHORT_LIST = 5;

	/** A home: its template and what the template shows. */
	record Home(String view, Map<String, Object> model) {
	}

	/** A suggestion, and whether it was not among those the last visit showed. */
	record Suggested(PartnerSuggestions.Suggestion suggestion, boolean fresh) {
	}

	private final HomeQueries queries;

	private final PartnerSuggestions suggestions;

	private final FundingDeadlines deadlines;

	private final FundingFinder finder;

	private final AgreementLookup agreements;

	private final CaseStudies caseStudies;

	private final SearchFits searchFits;

	Homes(HomeQueries queries, PartnerSuggestions suggestions, FundingDeadlines deadlines, FundingFinder finder,
			AgreementLookup agreements, CaseStudies caseStudies, SearchFits searchFits) {
		this.searchFits = searchFits;
		this.queries = queries;
		this.suggestions = suggestions;
		this.deadlines = deadlines;
		this.finder = finder;
		this.agreements = agreements;
		this.caseStudies = caseStudies;
	}

	/** The actor's home; anonymous visitors have none. */
	@Transactional
	Home of(Actor actor, Locale locale) {
		if (!actor.isSignedIn()) {
			throw new AccessDeniedException("Signed-in accounts only");
		}
		switch (actor.role()) {
			case OFFICER:
				return officer(actor, locale);
			case STAFF:
				return staff(actor);
			case ADMIN:
				return admin();
			default:
				return delegate(actor, locale);
		}
	}

	private Home officer(Actor actor, Locale locale) {
		long m = actor.municipalityId();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("municipality", this.queries.municipality(m).orElse(null));
		model.put("waiting", this.queries.waitingFor(m));
		HomeQueries.Visit last = this.queries.lastVisit(actor.accountId()).orElse(null);
		List<PartnerSuggestions.Suggestion> top = this.suggestions.top(m, SHORT_LIST, locale);
		model.put("lastVisit", last == null ? null : last.at());
		model.put("suggestions", top.stream()
			.map(s -> new Suggested(s, last != null && !last.suggestionIds().contains(s.id())))
			.toList());
		this.queries.recordVisit(actor.accountId(), top.stream().map(PartnerSuggestions.Suggestion::id).toList());
		model.put("searchFits", this.searchFits.forMunicipality(m, SHORT_LIST, locale));
		model.put("searchesAt", java.time.Instant.now());
		Set<String> usable = this.finder.forMunicipality(m).stream()
			.filter(v -> v.eligibility() != Eligibility.NOT_ELIGIBLE)
			.map(v -> v.slug())
			.collect(Collectors.toSet());
		model.put("deadlines", this.deadlines.upcoming(null, locale).stream()
			.filter(d -> usable.contains(d.instrumentSlug()))
			.toList());
		List<AgreementLookup.Summary> own = this.agreements.involvingAny(List.of(m));
		model.put("agreements", own);
		model.put("changes", this.queries.changesByOthers(
				own.stream().map(AgreementLookup.Summary::id).collect(Collectors.toSet()), actor.accountId()));
		return new Home("portal/home-officer", model);
	}

	private Home staff(Actor actor) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("unverified", this.agreements.unverified(SHORT_LIST, 0));
		model.put("unverifiedTotal", this.agreements.unverifiedCount());
		model.put("caseStudies", this.caseStudies.pending(actor));
		model.put("caseStudyAges", this.queries.caseStudyAges());
		model.put("memberRequests", actor.organisationId() == null ? List.of()
				: this.queries.openRequestsOfMembers(actor.organisationId()));
		model.put("imports", this.queries.recentImports());
		return new Home("portal/home-staff", model);
	}

	private Home delegate(Actor actor, Locale locale) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("events", this.queries.eventsOf(actor.accountId(), locale));
		model.put("registrations", this.queries.registrationsOf(actor.accountId(), locale));
		model.put("today", this.queries.starredToday(actor.accountId(), locale));
		return new Home("portal/home-delegate", model);
	}

	private Home admin() {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("accounts", this.queries.accountCounts());
		model.put("barrierCount", this.queries.barriersWaitingCount());
		model.put("barriers", this.queries.barriersWaiting());
		model.put("mail", this.queries.recentMail());
		return new Home("portal/home-admin", model);
	}
}
