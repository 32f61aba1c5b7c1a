package org.citybridge.event;

/** What kind of gathering an event is. */
enum EventKind {
	FORUM, NETWORKING_MEETING, ROUNDTABLE, SUMMIT, STUDY_VISIT
}
