package org.citybridge.agreement.imports;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other spellings the partnership import looks for, with names from Wikipedia's twin-town
 * list that GeoNames writes otherwise.
 */
class KnownSpellingsTest {

	@Test
	void knownOtherNamesApplyInTheirCountryOnly() {
		assertThat(KnownSpellings.of("Cologne", Set.of("DE"))).containsExactly("Köln");
		assertThat(KnownSpellings.of("Cologne", Set.of("FR"))).isEmpty();
		assertThat(KnownSpellings.of("Gomel", Set.of("BY"))).contains("Homyel'");
		assertThat(KnownSpellings.of("Killarney", Set.of("IE"))).containsExactly("Cill Airne");
		// a municipality by the town that is its seat
		assertThat(KnownSpellings.of("Bærum", Set.of("NO"))).containsExactly("Sandvika");
		// the table is read by search key: the list's case and diacritics do not matter
		assertThat(KnownSpellings.of("PLZEN", Set.of("CZ"))).containsExactly("Pilsen");
	}

	@Test
	void belarusianCitiesAlsoAsGeoNamesHoradForm() {
		assertThat(KnownSpellings.of("Zhodzina", Set.of("BY"))).containsExactly("Horad Zhodzina");
		assertThat(KnownSpellings.of("Zhodzina", Set.of("UA"))).isEmpty();
	}

	@Test
	void southKoreanCitiesWithTheirSuffixAndInTheOlderRomanisation() {
		assertThat(KnownSpellings.of("Anyang", Set.of("KR"))).containsExactly("Anyang-si");
		assertThat(KnownSpellings.of("Gimhae", Set.of("KR"))).containsExactly("Gimhae-si", "Kimhae", "Kimhae-si");
		assertThat(KnownSpellings.mccuneReischauer("Jinju")).isEqualTo("Chinju");
		assertThat(KnownSpellings.mccuneReischauer("Gwangmyeong")).isEqualTo("Kwangmyong");
		assertThat(KnownSpellings.mccuneReischauer("Buan")).isEqualTo("Puan");
		assertThat(KnownSpellings.mccuneReischauer("Dangjin")).isEqualTo("Tangjin");
		// only a word's first letter changes
		assertThat(KnownSpellings.mccuneReischauer("Yangyang")).isEqualTo("Yangyang");
	}

	@Test
	void japaneseCitiesWithTheirSuffixCyrillicYoAsEAndKiryatAsQiryat() {
		assertThat(KnownSpellings.of("Fukui", Set.of("JP"))).containsExactly("Fukui-shi");
		assertThat(KnownSpellings.of("Oryol", Set.of("RU"))).contains("Orël");
		assertThat(KnownSpellings.of("Kiryat Shmona", Set.of("IL"))).containsExactly("Qiryat Shmona");
		assertThat(KnownSpellings.of("Kiryat Shmona", Set.of("US"))).isEmpty();
	}

	@Test
	void aLocalGovernmentAreaNamedAfterItsTownIsTheTownExceptInTheUnitedKingdom() {
		assertThat(KnownSpellings.of("Greater Shepparton", Set.of("AU"))).containsExactly("Shepparton");
		assertThat(KnownSpellings.of("City of Cockburn", Set.of("AU"))).containsExactly("Cockburn");
		assertThat(KnownSpellings.of("Greater Manchester", Set.of("GB"))).isEmpty();
		assertThat(KnownSpellings.of("City of London", Set.of("GB"))).isEmpty();
	}
}
