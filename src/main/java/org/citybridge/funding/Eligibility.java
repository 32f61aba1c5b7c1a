package org.citybridge.funding;

/** What the finder concludes for one instrument. */
public enum Eligibility {
	/** Every rule entered is met. */
	ELIGIBLE,
	/** At least one rule fails; the finding names it. */
	NOT_ELIGIBLE,
	/** No rule fails, but a person must check a condition the portal cannot evaluate. */
	CHECK_CONDITIONS
}
