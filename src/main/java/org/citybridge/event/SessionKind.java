package org.citybridge.event;

/** What happens in a session. */
enum SessionKind {
	PLENARY, PANEL, WORKSHOP, NETWORKING, VISIT
}
