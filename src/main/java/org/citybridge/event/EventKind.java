package org.citybridge.event;

/** What kind of gathering an event is. */
public enum EventKind {
	FORUM, NETWORKING_MEETING, ROUNDTABLE, SUMMIT, STUDY_VISIT
}
