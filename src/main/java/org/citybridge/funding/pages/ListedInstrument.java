package org.citybridge.funding.pages;

import org.citybridge.funding.Instrument;

/** An instrument in the list, with its calls not yet closed and whether one is open now. */
public record ListedInstrument(Instrument instrument, boolean openNow, int currentCalls) {
}
