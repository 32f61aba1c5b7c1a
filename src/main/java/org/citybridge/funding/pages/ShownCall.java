package org.citybridge.funding.pages;

import org.citybridge.funding.Call;
import org.citybridge.funding.CallStatus;

/**
 * A call on the instrument's page: its status and closing in its own zone and, if chosen, the viewer's;
 * its own group rules in words (none when the instrument's hold), and its lump-sum table if staff entered one.
 */
public record ShownCall(Call call, CallStatus status, String opens, String closes, String closesForViewer,
		String isoOpens, String isoCloses, java.util.List<String> rules,
		org.citybridge.funding.lumpsums.LumpSumTable lumpSums) {
}
