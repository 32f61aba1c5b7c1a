package org.citybridge.event;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Why the municipality of one meeting participant fits another's: the partner suggestions' reasons
 * between two municipalities (complementary themes, partner of a partner, funding they could use
 * together) and whether they already are partners. Declared here and implemented by matchmaking,
 * which knows the partnership graph, so that events do not depend on it; without an
 * implementation no reasons are shown.
 */
public interface MeetingFit {

	/** The reasons as HTML (names in another language marked with their {@code lang}), their points, partners already. */
	record Fit(java.util.List<String> reasonsHtml, double score, boolean partners) {

		public static final Fit NONE = new Fit(java.util.List.of(), 0, false);
	}

	/** For each of {@code others} (municipality ids) how it fits {@code municipalityId}, written in {@code locale}. */
	Map<Long, Fit> fits(long municipalityId, Collection<Long> others, Locale locale);

	MeetingFit NONE = (municipalityId, others, locale) -> Map.of();
}
