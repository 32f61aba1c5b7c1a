package org.citybridge.funding;

/** An instrument in the list, with its calls not yet closed and whether one is open now. */
public record ListedInstrument(Instrument instrument, boolean openNow, int currentCalls) {
}
