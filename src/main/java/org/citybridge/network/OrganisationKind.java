package org.citybridge.network;

/** What kind of network an organisation is. */
public enum OrganisationKind {
	REGIONAL, THEMATIC, GLOBAL, NATIONAL_ASSOCIATION
}
