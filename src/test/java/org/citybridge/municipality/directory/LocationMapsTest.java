package org.citybridge.municipality.directory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The profile's map, drawn from the shipped Natural Earth outlines. */
class LocationMapsTest {

	static final LocationMaps MAPS = new LocationMaps(null, new org.citybridge.country.CountryOutlines(Runnable::run));

	@Test
	void highlightsTheHomeCountryAndCentresThePlace() {
		LocationMaps.LocationMap darkhan = MAPS.render(49.48667, 105.92278, "496", "MN");
		assertThat(darkhan.paths()).contains("<path class=\"home\"", "<path class=\"land\"");
		assertThat(darkhan.x()).isEqualTo(LocationMaps.WIDTH / 2.0);
		assertThat(darkhan.y()).isEqualTo(LocationMaps.HEIGHT / 2.0);
	}

	@Test
	void staysSmallEnoughForSlowLinks() {
		assertThat(MAPS.render(50.85045, 4.34878, "056", "BE").paths()).as("Brussels").hasSizeLessThan(40_000);
		assertThat(MAPS.render(55.75, 37.62, "643", "RU").paths()).as("Moscow").hasSizeLessThan(40_000);
	}

	@Test
	void drawsSmallStatesFromTheDetailedOutlines() {
		assertThat(MAPS.render(42.44111, 19.26361, "499", "ME").paths()).contains("<path class=\"home\"");
	}

	@Test
	void drawsOnlySeaWhereThereIsNoLand() {
		LocationMaps.LocationMap ocean = MAPS.render(-40, -130, null, "ZZ");
		assertThat(ocean.paths()).doesNotContain("class=\"home\"");
	}
}
