package org.citybridge.municipality.imports;

/** The file as a whole cannot be imported (no header, wrong columns): nothing was applied. */
public class ImportFileInvalid extends RuntimeException {

	public ImportFileInvalid(String message) {
		super(message);
	}
}
