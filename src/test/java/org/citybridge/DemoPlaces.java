package org.citybridge;

/**
 * GeoNames ids of the demo places ({@code src/main/resources/demo/municipalities.csv}) that tests look up or write,
 * so that a test names the place instead of a bare number.
 */
public final class DemoPlaces {

	/** Ulaanbaatar, Mongolia (the capital). */
	public static final long ULAANBAATAR = 2028462L;

	/** Darkhan, Mongolia. */
	/** The Mongolian aimag Selenge, a region of the demo data (its GeoNames first-level division id, issue 22). */
	public static final long SELENGE_AIMAG = 2029432L;

	public static final long DARKHAN = 2031964L;

	/** Erdenet, Mongolia. */
	public static final long ERDENET = 2031405L;

	/** Mörön, Mongolia. */
	public static final long MORON = 2029945L;

	/** Choibalsan, Mongolia. */
	public static final long CHOIBALSAN = 2032054L;

	/** Niš, Serbia. */
	public static final long NIS = 787657L;

	/** Ghent, Belgium. */
	public static final long GHENT = 2797656L;

	/** Zeitz, Germany. */
	public static final long ZEITZ = 2804922L;

	/** Bonn, Germany. */
	public static final long BONN = 2946447L;

	/** Strasbourg, France. */
	public static final long STRASBOURG = 2973783L;

	/** Kaposvár, Hungary. */
	public static final long KAPOSVAR = 3050616L;

	/** Székesfehérvár, Hungary. */
	public static final long SZEKESFEHERVAR = 3044774L;

	private DemoPlaces() {
	}

}
