package org.citybridge.agreement;

/** A party id that names no municipality of the directory. */
public class UnknownMunicipality extends IllegalArgumentException {

	public UnknownMunicipality(Object ids) {
		super("No municipality " + ids);
	}
}
