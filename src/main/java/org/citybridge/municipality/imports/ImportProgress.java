package org.citybridge.municipality.imports;

/** Hears how an import goes, while it goes: for the console, and for a staff page later. */
public interface ImportProgress {

	/** Called every few thousand rows and once at the end of reading. */
	void rows(long done, long rejected, double rowsPerSecond);

	/** Called for each refused row, as it is found. */
	void rejected(ImportReport.Rejection rejection);

	/** Called when the rows are read and the import writes them. */
	default void applying() {
	}

	ImportProgress NONE = new ImportProgress() {
		@Override
		public void rows(long done, long rejected, double rowsPerSecond) {
		}

		@Override
		public void rejected(ImportReport.Rejection rejection) {
		}
	};
}
