package org.citybridge.learning;

/** Where an enrolment stands: a seat, a place in the queue, cancelled, or completed. */
public enum EnrolmentStatus {
	CONFIRMED, WAITING, CANCELLED, COMPLETED
}
