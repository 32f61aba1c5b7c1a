package org.citybridge.agreement;

/**
 * Where a register entry came from: the form ({@code MANUAL}), a public list such as Wikipedia's
 * lists of twin towns ({@code PUBLIC_LIST}) or a CSV file staff uploaded ({@code CSV_UPLOAD}).
 * Imported entries carry the list's name, its attribution (licence) and the row as it was spelled.
 */
public record AgreementSource(Kind kind, String name, String attribution, String url, String record) {

	/** The kind of source. */
	public enum Kind {
		MANUAL, PUBLIC_LIST, CSV_UPLOAD
	}

	/** The attribution Wikipedia's licence asks for wherever the list's facts are shown. */
	public static final String WIKIPEDIA_ATTRIBUTION = "Partnership list from Wikipedia contributors, CC BY-SA 4.0";

	public static final String WIKIPEDIA_NAME = "Wikipedia: lists of twin towns and sister cities";

	public static final String WIKIPEDIA_URL = "https://en.wikipedia.org/wiki/Lists_of_twin_towns_and_sister_cities";

	public AgreementSource {
		if (kind == null) {
			throw new IllegalArgumentException("A source needs a kind");
		}
		if (kind == Kind.PUBLIC_LIST && (attribution == null || attribution.isBlank())) {
			throw new IllegalArgumentException("A public list needs its attribution");
		}
		name = clip(name, 300);
		attribution = clip(attribution, 300);
		url = url == null || !url.matches("^https?://\\S+$") || url.length() > 500 ? null : url;
		record = clip(record, 1000);
	}

	/** A row of Wikipedia's lists, e.g. {@code "Zeitz, Germany – Darkhan, Mongolia"}. */
	public static AgreementSource wikipedia(String record) {
		return new AgreementSource(Kind.PUBLIC_LIST, WIKIPEDIA_NAME, WIKIPEDIA_ATTRIBUTION, WIKIPEDIA_URL, record);
	}

	/** A row of a CSV file that staff uploaded, named by the file. */
	public static AgreementSource csvUpload(String fileName, String record) {
		return new AgreementSource(Kind.CSV_UPLOAD, fileName, null, null, record);
	}

	private static String clip(String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		return stripped.length() <= max ? stripped : stripped.substring(0, max);
	}
}
