package org.citybridge.funding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.citybridge.system.Moments;
import org.citybridge.system.translation.Translated;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calls closing in the next 90 days, each shown in its own zone and, when the viewer chose
 * another zone, in the viewer's too. The home page (portal) shows them as well.
 */
@Service
@Transactional(readOnly = true)
public class FundingDeadlines {

	/** How far ahead the deadline lists look. */
	public static final Duration HORIZON = Duration.ofDays(90);

	/** A deadline as a page shows it. {@code viewerTime} is null when the viewer's zone is the call's own. */
	public record Shown(String instrumentSlug, String instrumentShortName, String instrumentName, boolean example,
			Translated callTitle, String isoClosing, String callTime, String viewerTime, CallStatus status) {
	}

	private final FundingCatalogue catalogue;

	private final Clock clock;

	FundingDeadlines(FundingCatalogue catalogue, Optional<Clock> clock) {
		this.catalogue = catalogue;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The deadlines of the next 90 days, soonest first; {@code viewer} may be null (each call's own zone only). */
	public List<Shown> upcoming(ZoneId viewer, Locale locale) {
		Instant now = this.clock.instant();
		return this.catalogue.deadlines(now, now.plus(HORIZON)).stream().map(d -> shown(d, viewer, locale, now)).toList();
	}

	/** Every call closing from 30 days ago to a year ahead, for the calendar feed. */
	public List<Deadline> forFeed() {
		Instant now = this.clock.instant();
		return this.catalogue.deadlines(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(366)));
	}

	public Instant now() {
		return this.clock.instant();
	}

	static Shown shown(Deadline deadline, ZoneId viewer, Locale locale, Instant now) {
		Call call = deadline.call();
		boolean dual = viewer != null && !viewer.getRules().equals(call.zone().getRules());
		return new Shown(deadline.instrumentSlug(), deadline.instrumentShortName(), deadline.instrumentName(),
				deadline.example(), call.shownTitle(locale), call.closesAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), time(call.closesAt(), call.zone(), locale, true),
				dual ? time(call.closesAt(), viewer, locale, true) : null, call.status(now));
	}

	/**
	 * 12 December 2026 at 17:00 CET (Europe/Brussels): the moment as {@link Moments} writes it, with the
	 * zone's abbreviation then, and its id.
	 */
	public static String time(Instant at, ZoneId zone, Locale locale, boolean withId) {
		String text = Moments.dateTime(at, zone, locale);
		return withId ? text + " (" + zone.getId() + ")" : text;
	}
}
