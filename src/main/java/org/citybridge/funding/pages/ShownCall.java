package org.citybridge.funding.pages;

import org.citybridge.funding.Call;
import org.citybridge.funding.CallStatus;

/** A call on the instrument's page: its status and closing in its own zone and, if chosen, the viewer's. */
public record ShownCall(Call call, CallStatus status, String opens, String closes, String closesForViewer,
		String isoOpens, String isoCloses) {
}
