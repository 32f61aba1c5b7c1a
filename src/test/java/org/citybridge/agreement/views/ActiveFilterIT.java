package org.citybridge.agreement.views;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.citybridge.IntegrationTest;
import org.citybridge.agreement.register.AgreementParams;
import org.citybridge.agreement.register.RegisterOptions;
import org.citybridge.country.Countries;
import org.citybridge.system.DisplayNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Active in the last N years" on the register's map and statistics, on PostgreSQL with the
 * portal's clock fixed: it counts back from the clock's day (not the database's), the map's cache
 * keeps a filtered result apart from the unfiltered one and does not serve yesterday's after
 * midnight, and recording an activity shows on the next request.
 */
@IntegrationTest
class ActiveFilterIT {

	/** GeoNames ids of this test's own places; everything it adds is removed again. */
	static final long BASE = 990_750_000L;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	Countries countries;

	@Autowired
	RegisterOptions options;

	@Autowired
	PartnershipMaps maps;

	@Autowired
	MessageSource messages;

	@Autowired
	DisplayNames names;

	final MovableClock clock = new MovableClock(LocalDate.of(2025, 3, 1));

	long darkhan;

	long kaposvar;

	@BeforeEach
	void places() {
		this.darkhan = place(1, "Darkhan (active filter test)", "MN", 49.49, 105.92);
		this.kaposvar = place(2, "Kaposvár (active filter test)", "HU", 46.36, 17.79);
	}

	@AfterEach
	void cleanUp() {
		this.jdbc.sql("DELETE FROM agreements WHERE id IN (SELECT agreement_id FROM agreement_parties p"
				+ " JOIN municipalities m ON m.id = p.municipality_id WHERE m.geonames_id >= ? AND m.geonames_id < ?)")
			.params(BASE, BASE + 100).update();
		this.jdbc.sql("DELETE FROM municipalities WHERE geonames_id >= ? AND geonames_id < ?").params(BASE, BASE + 100).update();
	}

	@Test
	void theFilterCountsBackFromTheClocksDayAndTheCachedMapFollowsMidnightAndNewActivities() {
		long visited = agreement("SISTER_CITY", "Study visits", "2015-06-01");
		agreement("MEMORANDUM", "Signed long ago, silent since", "2010-01-01");
		// Its last activity ended exactly two years before the clock's day.
		activity(visited, "2023-02-20", "2023-03-01");
		AgreementViews views = new AgreementViews(this.named, this.countries, this.options, this.clock);
		RegisterMapCache cache = new RegisterMapCache(this.jdbc, 300);
		ViewPages pages = new ViewPages(views, this.maps, cache, this.messages, this.names);

		assertThat(mapTotal(pages, views, null)).as("everything of the test's places").isEqualTo(2);
		assertThat(mapTotal(pages, views, "2")).as("active in the last 2 years, cached apart").isEqualTo(1);
		assertThat(views.count(views.filter(params("2"), String.valueOf(this.darkhan)))).isEqualTo(1);
		assertThat(mapTotal(pages, views, "1")).isZero();

		// Midnight: nothing is written, the register's version stays, but yesterday's answer is not served.
		long version = cache.version();
		this.clock.set(LocalDate.of(2025, 3, 2));
		assertThat(cache.version()).isEqualTo(version);
		assertThat(mapTotal(pages, views, "2")).as("the day after").isZero();
		assertThat(views.count(views.filter(params("2"), String.valueOf(this.darkhan)))).isZero();
		assertThat(mapTotal(pages, views, null)).isEqualTo(2);

		// An activity recorded (committed) advances the register's version: the next request sees it.
		activity(visited, "2025-02-25", null);
		assertThat(cache.version()).isGreaterThan(version);
		assertThat(mapTotal(pages, views, "2")).isEqualTo(1);
		assertThat(mapTotal(pages, views, "1")).isEqualTo(1);
	}

	@Test
	void twentyNinthOfFebruaryCountsBackToTheTwentyEighth() {
		assertThat(org.citybridge.agreement.register.AgreementCatalogue.activeSince(LocalDate.of(2024, 2, 29), 2))
			.isEqualTo(LocalDate.of(2022, 2, 28));
		long leap = agreement("SISTER_CITY", "Leap day", "2010-01-01");
		activity(leap, "2022-02-28", null);
		this.clock.set(LocalDate.of(2024, 2, 29));
		AgreementViews views = new AgreementViews(this.named, this.countries, this.options, this.clock);
		assertThat(views.count(views.filter(params("2"), String.valueOf(this.darkhan)))).isEqualTo(1);
		this.clock.set(LocalDate.of(2024, 3, 1));
		assertThat(views.count(views.filter(params("2"), String.valueOf(this.darkhan)))).isZero();
	}

	long mapTotal(ViewPages pages, AgreementViews views, String active) {
		return pages.map(views.filter(params(active), String.valueOf(this.darkhan)), null, null, Locale.ENGLISH).total();
	}

	static AgreementParams params(String active) {
		return new AgreementParams(null, null, null, null, null, null, null, null, null, null, null, null, active, null);
	}

	long place(long n, String name, String country, double lat, double lon) {
		return this.jdbc.sql("INSERT INTO municipalities (name, country_code, kind, latitude, longitude, geonames_id)"
				+ " VALUES (?, ?, 'TOWN', ?, ?, ?) RETURNING id")
			.params(name, country, lat, lon, BASE + n)
			.query(Long.class)
			.single();
	}

	long agreement(String type, String title, String signed) {
		return this.jdbc.sql("INSERT INTO agreements (type, title, status, party_key, signed_on)"
				+ " VALUES (?, ?, 'ACTIVE', ARRAY[?, ?]::bigint[], CAST(? AS date)) RETURNING id")
			.params(type, title, Math.min(this.darkhan, this.kaposvar), Math.max(this.darkhan, this.kaposvar), signed)
			.query(Long.class)
			.single();
	}

	void activity(long agreement, String startsOn, String endsOn) {
		this.jdbc.sql("INSERT INTO agreement_activities (agreement_id, kind, title, starts_on, ends_on)"
				+ " VALUES (?, 'STUDY_VISIT', 'Study visit', CAST(? AS date), CAST(? AS date))")
			.params(agreement, startsOn, endsOn)
			.update();
	}

	/** The portal's clock, moved by the test. */
	static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(LocalDate day) {
			set(day);
		}

		void set(LocalDate day) {
			this.now = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(this.now, zone);
		}

		@Override
		public Instant instant() {
			return this.now;
		}
	}
}
