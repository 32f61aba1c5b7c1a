package org.citybridge.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.DateIntervalFormat;
import com.ibm.icu.text.DateTimePatternGenerator;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.DateInterval;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The one way the portal writes a date or a time for people to read, in each of its languages, from
 * CLDR through ICU (issue 20): the 24-hour clock in all three (English as written in Europe, en-GB's
 * {@code 20 January 2027}), a range written once when both ends fall on the same day
 * ({@code 20 January 2027, 09:30–12:30 CET}), and the zone always named beside a time. Mongolian has
 * one shape, {@code 2027 оны нэгдүгээр сарын 20}, where the JDK gave three.
 * <p>
 * Machine formats (iCalendar, ISO 8601 in {@code datetime} attributes, CSV, form fields) are not
 * written here. The methods are static, for page records made outside Spring ({@code AgendaView}); the
 * bean {@code @when} gives templates the same methods ({@code @moments} is Spring Modulith's own).
 * Patterns are looked up once per language and skeleton; ICU's formatters are made per call, since
 * they are not safe to share between threads.
 */
@Component("when")
public class Moments {

	/** Year, month in words, day: {@code 20 January 2027}, {@code 20 janvier 2027}, {@code 2027 оны нэгдүгээр сарын 20}. */
	private static final String DATE = "yMMMMd";

	/** The same with the day of the week, for the headings of an agenda's days. */
	private static final String WEEKDAY_DATE = "yMMMMEEEEd";

	/** Hours and minutes on the 24-hour clock. */
	private static final String TIME = "Hm";

	/** A date and a time with the zone. */
	private static final String DATE_TIME = "yMMMMdHmz";

	private static final Map<String, String> PATTERNS = new ConcurrentHashMap<>();

	private static final Map<String, TimeZone> ZONES = new ConcurrentHashMap<>();

	/** The portal's languages as CLDR knows them: English as written in Europe (day before month, 24 hours). */
	static ULocale cldr(Locale locale) {
		String language = locale == null ? "en" : locale.getLanguage();
		if (language.equals("mn") || language.equals("fr")) {
			return new ULocale(language);
		}
		return ULocale.UK;
	}

	/** A day: {@code 17 February 2025}, {@code 17 février 2025}, {@code 2025 оны хоёрдугаар сарын 17}. */
	public static String date(LocalDate day, Locale locale) {
		return day == null ? "" : format(DATE, instantOf(day), ZoneOffset.UTC, locale);
	}

	/** The day a moment falls on in the zone given. */
	public static String date(Instant at, ZoneId zone, Locale locale) {
		return at == null ? "" : date(at.atZone(zoneOrUtc(zone)).toLocalDate(), locale);
	}

	/** A day with its day of the week: {@code Wednesday, 20 January 2027}. */
	public static String weekdayDate(LocalDate day, Locale locale) {
		return day == null ? "" : format(WEEKDAY_DATE, instantOf(day), ZoneOffset.UTC, locale);
	}

	/**
	 * From one day to another: one day once ({@code 20 January 2027}), days of one month once with their
	 * month ({@code 20–22 janvier 2027}, {@code 2027 оны нэгдүгээр сарын 20–22}), else both in full.
	 */
	public static String days(LocalDate from, LocalDate to, Locale locale) {
		if (from == null || to == null || !to.isAfter(from)) {
			return date(from, locale);
		}
		ULocale language = cldr(locale);
		if (language.getLanguage().equals("mn")) {
			// CLDR's Mongolian interval pattern for these days is numeric ("2027 оны I/20 – 22"): the
			// range is made from the date's own pattern instead, the month written once.
			return from.getYear() == to.getYear() && from.getMonth() == to.getMonth()
					? date(from, locale) + "\u2013" + to.getDayOfMonth() : date(from, locale) + " \u2013 " + date(to, locale);
		}
		DateIntervalFormat format = DateIntervalFormat.getInstance(DATE, language);
		format.setTimeZone(zone(ZoneOffset.UTC));
		return format.format(new DateInterval(instantOf(from).toEpochMilli(), instantOf(to).toEpochMilli()));
	}

	/** A time of day, 24 hours, without the zone (for a list that names its zone once): {@code 09:30}. */
	public static String time(Instant at, ZoneId zone, Locale locale) {
		return at == null ? "" : format(TIME, at, zoneOrUtc(zone), locale);
	}

	/** A zone as people read it at that moment: {@code CET} or {@code CEST}, {@code UTC+1}, {@code GMT+8}. */
	public static String zone(Instant at, ZoneId zone, Locale locale) {
		return at == null ? "" : format("z", at, zoneOrUtc(zone), locale);
	}

	/** A moment with its zone: {@code 20 January 2027 at 09:30 CET}, {@code 2027 оны нэгдүгээр сарын 20 09:30 (GMT+1)}. */
	public static String dateTime(Instant at, ZoneId zone, Locale locale) {
		return at == null ? "" : format(DATE_TIME, at, zoneOrUtc(zone), locale);
	}

	/**
	 * From one moment to another, with the zone: the day written once when both fall on it
	 * ({@code 20 January 2027, 09:30–12:30 CET}), else both moments in full.
	 */
	public static String range(Instant from, Instant to, ZoneId zone, Locale locale) {
		if (from == null || to == null || !to.isAfter(from)) {
			return dateTime(from, zone, locale);
		}
		DateIntervalFormat format = DateIntervalFormat.getInstance(DATE_TIME, cldr(locale));
		format.setTimeZone(zone(zoneOrUtc(zone)));
		return format.format(new DateInterval(from.toEpochMilli(), to.toEpochMilli()));
	}

	private static String format(String skeleton, Instant at, ZoneId zone, Locale locale) {
		ULocale language = cldr(locale);
		String pattern = PATTERNS.computeIfAbsent(language + "|" + skeleton,
				k -> DateTimePatternGenerator.getInstance(language).getBestPattern(skeleton));
		TimeZone timeZone = zone(zone);
		// A formatter is costly to build (its symbols and calendar: a tenth of a register page of 20
		// dates, 2026-12-07) and not safe to share, so each thread keeps its own per pattern and zone.
		Map<String, SimpleDateFormat> kept = FORMATS.get();
		if (kept.size() >= 64) {
			kept.clear(); // visitors' time zones vary: keep a thread's set small
		}
		SimpleDateFormat format = kept.computeIfAbsent(language + "|" + pattern + "|" + timeZone.getID(), k -> {
			SimpleDateFormat built = new SimpleDateFormat(pattern, language);
			built.setTimeZone(timeZone);
			return built;
		});
		return format.format(new java.util.Date(at.toEpochMilli()));
	}

	/** Each thread's formatters, by language, pattern and zone (at most 64). */
	private static final ThreadLocal<Map<String, SimpleDateFormat>> FORMATS = ThreadLocal.withInitial(java.util.HashMap::new);

	private static TimeZone zone(ZoneId zone) {
		String id = zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
		return ZONES.computeIfAbsent(id, k -> TimeZone.getTimeZone(k).freeze());
	}

	private static ZoneId zoneOrUtc(ZoneId zone) {
		return zone == null ? ZoneOffset.UTC : zone;
	}

	private static Instant instantOf(LocalDate day) {
		return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
	}

	/** The one clock of the portal, so that tests can fix {@code now} (the agenda's now / next marker). */
	@Configuration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}
	}
}
