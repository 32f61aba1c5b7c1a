package org.citybridge.municipality.imports;

/**
 * How an import treats invalid rows: by default one invalid row stops the whole import (nothing
 * is applied); with {@code skipInvalid} the valid rows are applied and the invalid ones reported.
 */
public record ImportOptions(boolean skipInvalid) {

	public static ImportOptions allOrNothing() {
		return new ImportOptions(false);
	}

	public static ImportOptions skippingInvalidRows() {
		return new ImportOptions(true);
	}
}
