package org.citybridge.event;

/** What happens in a session. */
public enum SessionKind {
	PLENARY, PANEL, WORKSHOP, NETWORKING, VISIT
}
