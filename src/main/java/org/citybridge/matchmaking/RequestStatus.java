package org.citybridge.matchmaking;

/** Where a partnership request stands; only a pending one can be answered or withdrawn. */
public enum RequestStatus {
	PENDING, ACCEPTED, DECLINED, WITHDRAWN
}
