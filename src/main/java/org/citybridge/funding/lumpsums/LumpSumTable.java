package org.citybridge.funding.lumpsums;

import java.util.List;

/**
 * A published lump-sum table of an instrument ({@code callId} null) or of one of its calls: its rows
 * by number of participants, the source it was taken from and staff's note on it (in
 * {@code noteLang}), whether it is demonstration data, and the version its edits are checked against.
 */
public record LumpSumTable(long id, long instrumentId, Long callId, String sourceUrl, String note, String noteLang,
		boolean example, long version, List<LumpSumRow> rows) {
}
