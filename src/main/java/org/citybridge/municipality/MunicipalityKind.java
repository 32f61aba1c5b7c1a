package org.citybridge.municipality;

/** What kind of local government a municipality is. */
public enum MunicipalityKind {
	/** The capital city of its country. */
	CAPITAL,
	/** The seat of a first-level division: an aimag centre, a regional or county seat. */
	REGIONAL_CENTRE,
	/** Any other town or city. */
	TOWN,
	/** A rural municipality, such as a Mongolian soum. */
	RURAL,
	/** A section of a city (GeoNames PPLX), shown as a district of that city. */
	DISTRICT,
	/**
	 * A first-level division with its own government (a Mongolian aimag, a province, a region, a county,
	 * an oblast): its seat and the municipalities inside it share its country and GeoNames admin1 code.
	 */
	REGION
}
