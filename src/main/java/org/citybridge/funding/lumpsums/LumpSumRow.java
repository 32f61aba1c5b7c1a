package org.citybridge.funding.lumpsums;

/**
 * One row of a published lump-sum table: participants from {@code from} to {@code to} (both
 * included; {@code to} null for "or more"), and the lump sum in whole euros, or from {@code amount}
 * to {@code amountMax} where the programme publishes a range.
 */
public record LumpSumRow(int from, Integer to, int amount, Integer amountMax) {

	/** The row as staff type it in the form: {@code 25-50 = 8455}, {@code 51+ = 12000}, {@code 50+ = 8455-50745}. */
	String typed() {
		String participants = this.to == null ? this.from + "+" : this.from == this.to ? String.valueOf(this.from)
				: this.from + "-" + this.to;
		return participants + " = " + this.amount + (this.amountMax == null ? "" : "-" + this.amountMax);
	}
}
