package org.citybridge.funding.lumpsums;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.citybridge.system.Refusal;

/**
 * A lump-sum table as staff enter it: one row a line ("25-50 = 8455", "51+ = 12 000", "50+ = 8455-50745", a
 * colon in place of the equals sign too:
 * participants, then the lump sum in whole euros or a range of them), the source it was published at,
 * and a note. Every row empty and no source removes the table. The rows are text, so that a line that
 * is not a row is one message next to the field, naming the line, with everything typed kept.
 */
record LumpSumForm(
		@Size(max = 4000, message = "{funding.lumpSums.rows.size}") String rows,
		@Size(max = 500, message = "{funding.instrument.text.size}")
		@Pattern(regexp = "^\\s*(https?://\\S+)?\\s*$", message = "{funding.link.pattern}") String sourceUrl,
		@Size(max = 1000, message = "{funding.lumpSums.note.size}") String note,
		long version) {

	/** The most rows a table has. */
	static final int MAX_ROWS = 40;

	/** The largest lump sum the form takes, in euros. */
	static final int MAX_AMOUNT = 100_000_000;

	/** Whole euros, with or without thousands separators (a space, a comma, a point). */
	private static final String EUROS = "(\\d{1,3}(?:[ ,.\\u00a0\\u202f]\\d{3})+|\\d{1,9})";

	private static final java.util.regex.Pattern ROW = java.util.regex.Pattern
		.compile("^(\\d{1,6})\\s*(?:(\\+)|[-\u2013\u2014]\\s*(\\d{1,6}))?\\s*[:=]\\s*(?:€|EUR)?\\s*" + EUROS
				+ "\\s*(?:[-\u2013\u2014]\\s*(?:€|EUR)?\\s*" + EUROS + ")?\\s*(?:€|EUR)?$", java.util.regex.Pattern.CASE_INSENSITIVE);

	static LumpSumForm empty() {
		return new LumpSumForm("", "", "", 0);
	}

	static LumpSumForm of(LumpSumTable table) {
		return new LumpSumForm(String.join("\n", table.rows().stream().map(LumpSumRow::typed).toList()), table.sourceUrl(),
				table.note() == null ? "" : table.note(), table.version());
	}

	/** Whether the form removes the table: no row and no source. */
	boolean removes() {
		return lines().isEmpty() && (this.sourceUrl == null || this.sourceUrl.isBlank());
	}

	/**
	 * The rows typed, or a refusal next to the field that names the first line that is not a row (its
	 * number, as staff count them from 1), or the source missing. Overlapping rows are the database's
	 * to refuse (an exclusion constraint), not this method's.
	 */
	List<LumpSumRow> parsed() {
		List<String> lines = lines();
		if (lines.isEmpty()) {
			throw new Refusal("rows", "funding.lumpSums.rows.required");
		}
		if (lines.size() > MAX_ROWS) {
			throw new Refusal("rows", "funding.lumpSums.rows.tooMany", MAX_ROWS);
		}
		if (this.sourceUrl == null || this.sourceUrl.isBlank()) {
			throw new Refusal("sourceUrl", "funding.lumpSums.source.required");
		}
		List<LumpSumRow> rows = new ArrayList<>();
		int number = 0;
		for (String line : this.rows.split("\\R")) {
			number++;
			if (line.isBlank()) {
				continue;
			}
			Matcher m = ROW.matcher(line.strip());
			if (!m.matches()) {
				throw new Refusal("rows", "funding.lumpSums.rows.line", number);
			}
			int from = Integer.parseInt(m.group(1));
			Integer to = m.group(2) != null ? null : m.group(3) == null ? Integer.valueOf(from) : Integer.valueOf(m.group(3));
			long amount = euros(m.group(4));
			Long amountMax = m.group(5) == null ? null : euros(m.group(5));
			if (from < 1 || from > 100_000 || (to != null && (to < from || to > 100_000))) {
				throw new Refusal("rows", "funding.lumpSums.rows.participants", number);
			}
			if (amount < 1 || amount > MAX_AMOUNT || (amountMax != null && (amountMax <= amount || amountMax > MAX_AMOUNT))) {
				throw new Refusal("rows", "funding.lumpSums.rows.amount", number);
			}
			rows.add(new LumpSumRow(from, to, (int) amount, amountMax == null ? null : amountMax.intValue()));
		}
		return List.copyOf(rows);
	}

	private List<String> lines() {
		return this.rows == null ? List.of() : this.rows.lines().filter(l -> !l.isBlank()).toList();
	}

	private static long euros(String typed) {
		return Long.parseLong(typed.replaceAll("[^0-9]", ""));
	}
}
