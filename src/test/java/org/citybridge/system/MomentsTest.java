package org.citybridge.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One date-and-time style per language (issue 20): a date, a same-day range written once, the zone
 * always named, the 24-hour clock in English too, and one Mongolian shape where the JDK gave three.
 */
class MomentsTest {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	static final ZoneId ULAANBAATAR = ZoneId.of("Asia/Ulaanbaatar");

	static final Locale MN = Locale.forLanguageTag("mn");

	/** 20 January 2027, 09:30 to 12:30 in Brussels (CET, UTC+1). */
	static final Instant START = Instant.parse("2027-01-20T08:30:00Z");

	static final Instant END = Instant.parse("2027-01-20T11:30:00Z");

	/** 14:30 in Brussels: a 12-hour clock would write 2:30. */
	static final Instant AFTERNOON = Instant.parse("2027-01-20T13:30:00Z");

	/** CLDR's Mongolian puts a narrow no-break space (U+202F) between the year and оны, as ICU writes it. */
	@Test
	void eachLanguageWritesADateItsOwnWay() {
		LocalDate day = LocalDate.of(2025, 2, 17);
		assertThat(Moments.date(day, Locale.ENGLISH)).isEqualTo("17 February 2025");
		assertThat(Moments.date(day, Locale.FRENCH)).isEqualTo("17 février 2025");
		assertThat(Moments.date(day, MN)).isEqualTo("2025\u202fоны хоёрдугаар сарын 17");
		// one Mongolian shape, whatever the moment: not "2026 оны 12-р сарын 11", not "2026-12-06 04:42 UTC"
		assertThat(Moments.dateTime(Instant.parse("2026-12-06T04:42:00Z"), ZoneOffset.UTC, MN))
			.startsWith("2026\u202fоны арван хоёрдугаар сарын 6 04:42").contains("UTC");
	}

	@Test
	void aRangeWithinOneDayWritesTheDayOnceWithItsZone() {
		assertThat(Moments.range(START, END, BRUSSELS, Locale.ENGLISH)).isEqualTo("20 January 2027, 09:30\u201312:30 CET");
		assertThat(Moments.range(START, END, BRUSSELS, Locale.FRENCH)).isEqualTo("20 janvier 2027, 09:30\u2009\u2013\u200912:30 UTC+1");
		assertThat(Moments.range(START, END, BRUSSELS, MN)).isEqualTo("2027\u202fоны нэгдүгээр сарын 20 09:30 \u2013 12:30 (GMT+1)");
		for (Locale locale : new Locale[] { Locale.ENGLISH, Locale.FRENCH, MN }) {
			String range = Moments.range(START, END, BRUSSELS, locale);
			assertThat(range.split("2027", -1)).as(range).hasSize(2);
			// over two days, both days are written
			assertThat(Moments.range(START, END.plusSeconds(86400), BRUSSELS, locale).split("2027", -1)).hasSize(3);
		}
	}

	@Test
	void everyTimeIsOnTheTwentyFourHourClockWithItsZone() {
		for (Locale locale : new Locale[] { Locale.ENGLISH, Locale.US, Locale.FRENCH, MN }) {
			String brussels = Moments.dateTime(AFTERNOON, BRUSSELS, locale);
			assertThat(brussels).as(locale.toString()).contains("14:30").doesNotContain("PM").doesNotContain("2:30 ")
				.containsAnyOf("CET", "UTC+1", "GMT+1");
			assertThat(Moments.dateTime(AFTERNOON, ULAANBAATAR, locale)).contains("21:30").containsAnyOf("GMT+8", "UTC+8");
			assertThat(Moments.time(AFTERNOON, BRUSSELS, locale)).isEqualTo("14:30");
		}
		assertThat(Moments.dateTime(AFTERNOON, BRUSSELS, Locale.ENGLISH)).isEqualTo("20 January 2027 at 14:30 CET");
		// summer time is named as such
		assertThat(Moments.zone(Instant.parse("2027-07-01T10:00:00Z"), BRUSSELS, Locale.ENGLISH)).isEqualTo("CEST");
		// no zone given: UTC, named
		assertThat(Moments.dateTime(AFTERNOON, null, Locale.ENGLISH)).isEqualTo("20 January 2027 at 13:30 UTC");
	}

	@Test
	void daysOfOneMonthWriteTheMonthOnce() {
		LocalDate from = LocalDate.of(2025, 2, 17);
		LocalDate to = LocalDate.of(2025, 2, 18);
		assertThat(Moments.days(from, to, Locale.FRENCH)).isEqualTo("17\u201318 février 2025");
		assertThat(Moments.days(from, to, MN)).isEqualTo("2025\u202fоны хоёрдугаар сарын 17\u201318");
		assertThat(Moments.days(from, to, Locale.ENGLISH)).contains("17").contains("18 February 2025").doesNotContain("17 February");
		assertThat(Moments.days(from, from, Locale.ENGLISH)).isEqualTo("17 February 2025");
		assertThat(Moments.days(LocalDate.of(2025, 1, 31), to, MN))
			.isEqualTo("2025\u202fоны нэгдүгээр сарын 31 \u2013 2025\u202fоны хоёрдугаар сарын 18");
	}
}
