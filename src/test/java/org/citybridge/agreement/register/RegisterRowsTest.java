package org.citybridge.agreement.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.citybridge.agreement.AgreementStatus;
import org.citybridge.agreement.AgreementType;
import org.citybridge.agreement.register.AgreementCatalogue.Listed;
import org.citybridge.agreement.register.AgreementCatalogue.Signatory;
import org.citybridge.municipality.PlaceNames;
import org.citybridge.system.DisplayNames;
import org.citybridge.system.web.IcuMessageSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register's rows as {@link RegisterRows} writes them: what a visitor typed into a title is shown
 * as text, never as markup; each cell says in the page's language what it holds (the narrow layout
 * shows it as the cell's label); an unknown signature date says so.
 */
class RegisterRowsTest {

	private final RegisterRows rows = new RegisterRows(PlaceNames.withoutDatabase(), new DisplayNames(), messages());

	private static IcuMessageSource messages() {
		IcuMessageSource source = new IcuMessageSource(true);
		source.setBasenames("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	private static Listed agreement(String title, LocalDate signedOn, boolean verified) {
		return new Listed(7, title, AgreementType.SISTER_CITY, AgreementStatus.ACTIVE, signedOn, verified, false,
				List.of(new Signatory(11, "Darkhan", "MN"), new Signatory(12, "Kaposvár", "HU")));
	}

	@Test
	void aTitleWithMarkupInItIsShownAsText() {
		String html = this.rows.html(List.of(agreement("<img src=x onerror=\"alert(1)\"> & 'more'", null, false)),
				Locale.ENGLISH);
		assertThat(html).doesNotContain("<img")
			.contains("<a href=\"/agreements/7\">&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;more&#39;</a>");
	}

	@Test
	void eachCellIsLabelledAndTheWordsAreInThePagesLanguage() {
		String html = this.rows.html(List.of(agreement("Darkhan – Kaposvár", null, false)), Locale.FRENCH);
		assertThat(html).contains("<td data-label=\"Titre\"><a href=\"/agreements/7\">",
				"<span class=\"badge badge-muted\">Non vérifié</span>", "<td data-label=\"Signé le\">inconnue</td>",
				">Accord de jumelage</td>", ">Actif</td>", "<abbr title=\"Mongolie\">MN</abbr>)",
				"<abbr title=\"Hongrie\">HU</abbr>)");
		// A title made of the parties' names: each name is a proper name a translation tool leaves alone.
		assertThat(html).containsPattern("<a href=\"/agreements/7\"><span( lang=\"[^\"]+\")? translate=\"no\">Darkhan</span> – "
				+ "<span( lang=\"[^\"]+\")? translate=\"no\">Kaposvár</span></a>");
	}

	@Test
	void aKnownDateIsWrittenInThePagesLanguageAndAVerifiedAgreementSaysSo() {
		String html = this.rows.html(List.of(agreement("Twinning", LocalDate.of(2024, 3, 12), true)), Locale.ENGLISH);
		assertThat(html).contains("<span class=\"badge\">Verified</span>", "<td data-label=\"Signed on\">12 March 2024</td>");
	}

}
