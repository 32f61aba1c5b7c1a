package org.citybridge.agreement;

/** What kind of agreement the parties signed; its name is the message {@code agreement.type.<NAME>}. */
public enum AgreementType {
	SISTER_CITY, FRIENDSHIP, MEMORANDUM, TWINNING_PROJECT
}
