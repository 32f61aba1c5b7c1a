package org.citybridge.agreement.imports;

import org.citybridge.agreement.imports.PlaceName.Spelling;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Qualified city names split into the spellings to look for, district first. */
class PlaceNameTest {

	@Test
	void aDistrictInBracketsComesBeforeItsCity() {
		assertThat(PlaceName.of("Pantelej (Niš)").spellings()).containsExactly(new Spelling("Pantelej", true),
				new Spelling("Niš", false));
		assertThat(PlaceName.of("Songino Khairkhan (Ulaanbaatar)").spellings())
			.containsExactly(new Spelling("Songino Khairkhan", true), new Spelling("Ulaanbaatar", false));
		assertThat(PlaceName.of("Pantelej (Niš)").qualified()).isTrue();
	}

	@Test
	void aDistrictAfterADashComesBeforeItsCityWithoutItsNumber() {
		assertThat(PlaceName.of("Seoul – Gangdong").spellings()).containsExactly(new Spelling("Gangdong", true),
				new Spelling("Seoul", false));
		assertThat(PlaceName.of("Budapest XX – Pesterzsébet").spellings()).containsExactly(
				new Spelling("Pesterzsébet", true), new Spelling("Budapest XX", false), new Spelling("Budapest", false));
	}

	@Test
	void plainNamesKeepTheirWholeSpellingFirst() {
		assertThat(PlaceName.of("Darkhan").spellings()).containsExactly(new Spelling("Darkhan", false));
		assertThat(PlaceName.of("Miyoshi, Tokushima").spellings()).containsExactly(
				new Spelling("Miyoshi, Tokushima", false), new Spelling("Miyoshi", false));
		assertThat(PlaceName.of("Biel/Bienne").spellings()).extracting(Spelling::name)
			.containsExactly("Biel/Bienne", "Biel", "Bienne");
		assertThat(PlaceName.of("St. Louis").spellings()).extracting(Spelling::name)
			.containsExactly("St. Louis", "Saint Louis", "Sankt Louis");
		assertThat(PlaceName.of("  ").spellings()).isEmpty();
		assertThat(PlaceName.of(null).spellings()).isEmpty();
	}

	@Test
	void knownOtherSpellingsFollowTheSpellingTheyStandForAndRememberIt() {
		PlaceName name = PlaceName.of("Porz (Cologne)").withKnownSpellings(java.util.Set.of("DE"));
		assertThat(name.spellings()).containsExactly(new Spelling("Porz", true), new Spelling("Cologne", false),
				new Spelling("Köln", false, "Cologne"));
		assertThat(name.qualified()).isTrue();
		assertThat(PlaceName.of("Zhodzina").withKnownSpellings(java.util.Set.of("BY")).spellings())
			.containsExactly(new Spelling("Zhodzina", false), new Spelling("Horad Zhodzina", false, "Zhodzina"));
		assertThat(PlaceName.of("Zhodzina").withKnownSpellings(java.util.Set.of("LT")).spellings())
			.containsExactly(new Spelling("Zhodzina", false));
	}
}
