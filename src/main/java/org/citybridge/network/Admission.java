package org.citybridge.network;

/** Who may join a network: municipalities, associations of them, or both. */
public enum Admission {
	MUNICIPALITIES, ASSOCIATIONS, MUNICIPALITIES_AND_ASSOCIATIONS
}
