package org.citybridge.funding.lumpsums;

import org.citybridge.system.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rows of a lump-sum table as staff type them: the shapes understood, and the line named when one is not a row. */
class LumpSumFormTest {

	static LumpSumForm form(String rows) {
		return new LumpSumForm(rows, "https://example.org", "", 0);
	}

	@Test
	void readsRangesOpenEndsSingleNumbersAndAmountsWithSeparators() {
		assertThat(form("25-50 = 8455\n\n51–100: €12 000\n101+ = 20,000 - 50.745 EUR\n7: 500").parsed()).containsExactly(
				new LumpSumRow(25, 50, 8455, null), new LumpSumRow(51, 100, 12000, null),
				new LumpSumRow(101, null, 20000, 50745), new LumpSumRow(7, 7, 500, null));
		// What the form shows again reads back the same.
		LumpSumRow open = new LumpSumRow(101, null, 20000, 50745);
		assertThat(form(open.typed()).parsed()).containsExactly(open);
	}

	@Test
	void namesTheLineThatIsNotARow() {
		assertThatThrownBy(() -> form("25-50 = 8455\nmany = 5").parsed()).isInstanceOfSatisfying(Refusal.class, r -> {
			assertThat(r.field()).isEqualTo("rows");
			assertThat(r.messageKey()).isEqualTo("funding.lumpSums.rows.line");
			assertThat(r.arguments()).containsExactly(2);
		});
		assertThatThrownBy(() -> form("25-50 = 8455.50").parsed()).isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> form("25-50 = 0").parsed()).hasMessage("funding.lumpSums.rows.amount");
		assertThatThrownBy(() -> form("50-25 = 10").parsed()).hasMessage("funding.lumpSums.rows.participants");
		assertThatThrownBy(() -> form("0-25 = 10").parsed()).hasMessage("funding.lumpSums.rows.participants");
		assertThatThrownBy(() -> form("1-200000 = 10").parsed()).hasMessage("funding.lumpSums.rows.participants");
		assertThatThrownBy(() -> form("1-2 = 900-100").parsed()).hasMessage("funding.lumpSums.rows.amount");
		assertThatThrownBy(() -> form(" ").parsed()).hasMessage("funding.lumpSums.rows.required");
		assertThatThrownBy(() -> new LumpSumForm("1 = 5", " ", "", 0).parsed()).hasMessage("funding.lumpSums.source.required");
		assertThat(new LumpSumForm(" \n", "", "", 3).removes()).isTrue();
	}
}
