package org.citybridge.notice;

/** What a person may follow: its changes then reach them as notices. */
public enum Followable {
	MUNICIPALITY, AGREEMENT, INSTRUMENT, EVENT
}
