package org.citybridge.funding;

/** The kinds of body a funding rule may admit. A municipality is always a {@link #MUNICIPALITY}. */
public enum BodyKind {
	MUNICIPALITY, ASSOCIATION, NATIONAL_ADMINISTRATION, NGO
}
