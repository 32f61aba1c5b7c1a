package org.citybridge.system.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real bundles through the portal's ICU message source: plurals per language (CLDR: French
 * "one" is 0 and 1, Mongolian has only "other"), apostrophes, and the guard against a count in a
 * plain placeholder.
 */
class IcuMessageSourceTest {

	static final Locale EN = SupportedLocales.ENGLISH;

	static final Locale MN = SupportedLocales.MONGOLIAN;

	static final Locale FR = SupportedLocales.FRENCH;

	static IcuMessageSource source(boolean strict) {
		IcuMessageSource source = new IcuMessageSource(strict);
		source.setBasenames("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	final IcuMessageSource messages = source(true);

	String msg(String code, Locale locale, Object... args) {
		return messages.getMessage(code, args, locale);
	}

	@Test
	void theDirectoryCountAgreesWithItsNumber() {
		assertThat(msg("municipality.list.count", EN, 1, 1, 1)).isEqualTo("Showing 1–1 of 1 municipality");
		assertThat(msg("municipality.list.count", EN, 1, 20, 1234)).isEqualTo("Showing 1–20 of 1,234 municipalities");
		assertThat(msg("municipality.list.count", FR, 1, 1, 1)).isEqualTo("1 à 1 sur 1 municipalité");
		assertThat(msg("municipality.list.count", FR, 1, 20, 35)).isEqualTo("1 à 20 sur 35 municipalités");
		assertThat(msg("municipality.list.count", MN, 1, 1, 1)).isEqualTo("Нийт 1 нэгж; харуулж буй нь: 1–1")
			.doesNotContain("-г");
	}

	@Test
	void partnersAlreadyInACountry() {
		assertThat(msg("matchmaking.reason.likeYou", EN, 1, "Hungary")).isEqualTo("Already partners with 1 municipality in Hungary");
		assertThat(msg("matchmaking.reason.likeYou", EN, 3, "Hungary")).isEqualTo("Already partners with 3 municipalities in Hungary");
		assertThat(msg("matchmaking.reason.likeYou", FR, 1, "Hongrie")).isEqualTo("Déjà partenaire d’une municipalité de ce pays\u202F: Hongrie");
		assertThat(msg("matchmaking.reason.likeYou", FR, 2, "Hongrie")).isEqualTo("Déjà partenaire de 2 municipalités de ce pays\u202F: Hongrie");
		assertThat(msg("matchmaking.reason.likeYou", MN, 2, "Унгар")).isEqualTo("Энэ улсад аль хэдийн 2 түнштэй: Унгар");
	}

	@Test
	void seatsTakenAndWaiting() {
		assertThat(msg("event.registration.seats", EN, 1, 0, 0)).isEqualTo("1 seat: 0 taken, 0 on the waiting list.");
		assertThat(msg("event.registration.seats", EN, 40, 12, 3)).isEqualTo("40 seats: 12 taken, 3 on the waiting list.");
		assertThat(msg("event.registration.seats", FR, 1, 1, 0)).isEqualTo("1 place\u202F: 1 prise, 0 en liste d’attente.");
		assertThat(msg("event.registration.seats", FR, 40, 0, 2)).isEqualTo("40 places\u202F: 0 prise, 2 en liste d’attente.");
		assertThat(msg("event.registration.seats", FR, 40, 12, 2)).isEqualTo("40 places\u202F: 12 prises, 2 en liste d’attente.");
		assertThat(msg("event.registration.seats", MN, 1, 0, 0)).isEqualTo("1 суудал: эзлэгдсэн 0, хүлээлгийн жагсаалтад 0.");
		assertThat(msg("event.room.capacity", EN, 1)).isEqualTo("1 seat");
		assertThat(msg("event.room.capacity", FR, 0)).isEqualTo("0 place");
	}

	@Test
	void theClashWarningKeepsItsApostrophe() {
		assertThat(msg("event.my.clashes", FR, 2)).startsWith("2 sessions en chevauchent d’autres que vous avez choisies.");
		assertThat(msg("event.my.clashes", FR, 1)).startsWith("Une session en chevauche une autre");
		assertThat(msg("event.my.clashes", EN, 1)).startsWith("One session overlaps another one you chose.");
		assertThat(msg("event.my.clashes", EN, 3)).startsWith("3 sessions overlap others you chose.");
		assertThat(msg("event.my.clashes", MN, 3)).startsWith("Таны сонгосон 3 хуралдаан");
	}

	@Test
	void apostrophesSurviveWithAndWithoutArguments() {
		// '' in a pattern is one apostrophe; a lone one before a letter stays as it is.
		assertThat(messages.getMessage("x", new Object[] { "Europe/Brussels" }, "the event''s zone: {0}", EN))
			.isEqualTo("the event's zone: Europe/Brussels");
		assertThat(messages.getMessage("x", new Object[] { 2 }, "{0, plural, one {# autre} other {d'autres : #}}", FR))
			.isEqualTo("d'autres : 2");
		assertThat(msg("event.agenda.zone.single", EN, "Europe/Brussels")).contains("event’s time zone: Europe/Brussels");
		assertThat(msg("event.registration.youWaiting", FR, 3)).contains("quelqu’un").doesNotContain("''");
	}

	@Test
	void pluralsWithZero() {
		assertThat(msg("learning.case.search.count", EN, 0)).isEqualTo("No case study found");
		assertThat(msg("learning.case.search.count", EN, 1)).isEqualTo("One case study found");
		assertThat(msg("learning.case.search.count", FR, 5)).isEqualTo("5 études de cas trouvées");
		assertThat(msg("learning.case.search.count", MN, 5)).isEqualTo("5 туршлагын жишээ олдлоо");
		assertThat(msg("notice.digest.subject", FR, 1)).isEqualTo("CityBridge\u202F: 1 nouvelle notification");
		assertThat(msg("notice.digest.subject", EN, 2)).isEqualTo("CityBridge: 2 new notices");
	}

	@Test
	void aCountInAPlainPlaceholderFailsWhenStrict() {
		assertThatThrownBy(() -> messages.getMessage("x", new Object[] { 1 }, "{0} municipalities", EN))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("plural");
		assertThatThrownBy(() -> messages.getMessage("x", new Object[] { 1, 2L },
				"{0, plural, one {# seat: {1} taken} other {# seats}}", EN))
			.isInstanceOf(IllegalArgumentException.class);
		// Text, decimals and typed numbers pass.
		assertThat(messages.getMessage("x", new Object[] { "2026" }, "Since {0}", EN)).isEqualTo("Since 2026");
		assertThat(messages.getMessage("x", new Object[] { 12345L }, "Record {0,number,::group-off}", EN))
			.isEqualTo("Record 12345");
		assertThat(messages.getMessage("x", new Object[] { 2.5 }, "Score {0}", EN)).isEqualTo("Score 2.5");
	}

	/** Refusals and notices keep their arguments as text: digits still choose the plural form. */
	@Test
	void digitsGivenAsTextAreCounted() {
		assertThat(msg("funding.rules.minCountries", EN, "1")).isEqualTo("The bodies come from at least 1 country.");
		assertThat(msg("funding.rules.minCountries", EN, "3")).isEqualTo("The bodies come from at least 3 countries.");
		assertThat(msg("notice.kind.EVENT_WAITING.text", FR, "Forum", "2")).contains("position 2 ");
		assertThat(IcuMessageSource.numberArgumentIndexes("{0} {1,number,integer} {2, plural, other {#}} {3,date}"))
			.containsExactly(1, 2);
	}

	@Test
	void textThatIsNoPatternIsShownAsItIs() {
		assertThat(messages.getMessage("x", new Object[] { 1 }, "must match ^[a-z]{2,5$", EN)).isEqualTo("must match ^[a-z]{2,5$");
		assertThatThrownBy(() -> messages.getMessage("x", new Object[] { "two" }, "{0, plural, other {# items}}", EN))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(source(false).getMessage("x", new Object[] { "two" }, "{0, plural, other {# items}}", EN))
			.isEqualTo("{0, plural, other {# items}}");
	}

	@Test
	void theHomePageCountsAgree() {
		assertThat(msg("home.counts.countries", EN, 1)).isEqualTo("country");
		assertThat(msg("home.counts.municipalities", EN, 2094)).isEqualTo("municipalities");
		assertThat(msg("home.counts.municipalities", FR, 1)).isEqualTo("municipalité");
	}

	@Test
	void aCountInAPlainPlaceholderIsOnlyRenderedInProduction() {
		assertThat(source(false).getMessage("x", new Object[] { 3 }, "{0} municipalities", EN))
			.isEqualTo("3 municipalities");
	}

	@Test
	void thePlainPlaceholdersAreFoundAtAnyDepth() {
		assertThat(IcuMessageSource.plainArgumentIndexes("{0} of {1,number,integer}")).containsExactly(0);
		assertThat(IcuMessageSource.plainArgumentIndexes("{0, plural, one {# in {1}} other {# in {2}}}"))
			.containsExactly(1, 2);
		assertThat(IcuMessageSource.plainArgumentIndexes("{0, select, a {x} other {y}}")).isEmpty();
	}

	@Test
	void mongolianAndFrenchFallBackToEnglishForNothing() {
		assertThat(msg("home.heading", MN)).containsPattern("\\p{IsCyrillic}");
		assertThat(msg("home.heading", Locale.GERMAN)).isEqualTo(msg("home.heading", EN));
	}
}
