package org.citybridge.matchmaking;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.citybridge.event.MeetingFit;
import org.citybridge.system.cache.ContentVersion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner suggestions' reasons between the municipalities of two forum participants, for the
 * event's participant list: the same statement and wording as the suggestions page, so "why this
 * person fits" says what the suggestions say; pairs that already have an agreement that has not
 * ended are marked as partners.
 *
 * <p>
 * The list asks for one participant's municipality against all the others' on every view (300
 * participants: the reasons of some 30 municipalities, a tenth of the page's time, 2026-12-07). What
 * it answers changes only with the portal's content (themes, agreements, funding: the database's
 * {@code content_version}, advanced at every commit that changes them) and with the day (a call
 * opens or closes), so it is kept per municipality, set of others and language for the minute and
 * content version it was computed at; several instances each keep their own and agree.
 */
@Component
class MeetingFitFromSuggestions implements MeetingFit {

	private final PartnerSuggestions suggestions;

	private final JdbcClient jdbc;

	private final Clock clock;

	/** At most this many answers kept (all are forgotten when there would be more). */
	private static final int KEPT = 1_000;

	private record Key(long municipality, List<Long> others, Locale locale) {
	}

	private record Stamp(long version, long minute) {
	}

	private volatile Stamp stamp = new Stamp(-1, -1);

	private final Map<Key, Map<Long, Fit>> kept = new ConcurrentHashMap<>();

	MeetingFitFromSuggestions(PartnerSuggestions suggestions, JdbcClient jdbc, Optional<Clock> clock) {
		this.suggestions = suggestions;
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Fit> fits(long municipalityId, Collection<Long> others, Locale locale) {
		List<Long> ids = others.stream().filter(id -> id != municipalityId).distinct().sorted().toList();
		if (ids.isEmpty()) {
			return Map.of();
		}
		// Read before computing: a change committed meanwhile moves the version on, and the next view computes again.
		Stamp now = new Stamp(ContentVersion.readBy(this.jdbc).getAsLong(),
				this.clock.millis() / 60_000);
		if (!now.equals(this.stamp)) {
			this.kept.clear();
			this.stamp = now;
		}
		Key key = new Key(municipalityId, ids, locale);
		Map<Long, Fit> known = this.kept.get(key);
		if (known != null) {
			return known;
		}
		Map<Long, Fit> fits = compute(municipalityId, ids, locale);
		if (this.kept.size() >= KEPT) {
			this.kept.clear();
		}
		if (now.equals(this.stamp)) {
			this.kept.put(key, fits);
		}
		return fits;
	}

	private Map<Long, Fit> compute(long municipalityId, List<Long> ids, Locale locale) {
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
		return Map.copyOf(fits);
	}
}
