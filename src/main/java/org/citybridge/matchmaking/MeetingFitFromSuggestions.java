package org.citybridge.matchmaking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.citybridge.event.MeetingFit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner suggestions' reasons between the municipalities of two forum participants, for the
 * event's participant list: the same statement and wording as the suggestions page, so "why this
 * person fits" says what the suggestions say; pairs that already have an agreement that has not
 * ended are marked as partners.
 */
@Component
class MeetingFitFromSuggestions implements MeetingFit {

	private final PartnerSuggestions suggestions;

	private final JdbcClient jdbc;

	MeetingFitFromSuggestions(PartnerSuggestions suggestions, JdbcClient jdbc) {
		this.suggestions = suggestions;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Fit> fits(long municipalityId, Collection<Long> others, Locale locale) {
		List<Long> ids = others.stream().filter(id -> id != municipalityId).distinct().toList();
		if (ids.isEmpty()) {
			return Map.of();
		}
		Set<Long> partners = new HashSet<>(this.jdbc.sql("""
				SELECT DISTINCT other.municipality_id FROM agreement_parties me
				JOIN agreements g ON g.id = me.agreement_id AND g.status <> 'ENDED'
				JOIN agreement_parties other ON other.agreement_id = me.agreement_id AND other.municipality_id <> me.municipality_id
				WHERE me.municipality_id = ? AND other.municipality_id = ANY (CAST(? AS bigint[]))
				""").params(municipalityId, ids.toArray(Long[]::new)).query(Long.class).list());
		List<FundingFeasibility.Scheme> instruments = this.suggestions.instrumentsOf(municipalityId);
		Map<Long, PartnerSuggestions.Details> details = this.suggestions.details(municipalityId, ids, -1);
		Map<Long, Fit> fits = new HashMap<>();
		String shownA = null;
		for (PartnerSuggestions.Details d : details.values()) {
			if (shownA == null) {
				shownA = this.suggestions.shownName(municipalityId, d.aName(), locale);
			}
			List<PartnerSuggestions.Reason> reasons = this.suggestions.reasons(d.naming(shownA), instruments, locale);
			List<String> html = new ArrayList<>();
			double score = 0;
			for (PartnerSuggestions.Reason reason : reasons) {
				html.add(reason.html());
				score += reason.points();
			}
			fits.put(d.id(), new Fit(List.copyOf(html), Math.round(score * 10) / 10.0, partners.contains(d.id())));
		}
		return fits;
	}
}
