package org.citybridge.agreement.views;

import java.util.Locale;

/**
 * The windows of the partnership map: the world and three regions the portal's networks work in.
 * Each is a plate carrée stretched by the cosine of its middle latitude, 960 units wide.
 */
enum MapView {

	WORLD("world", -180, 180, -58, 84),

	EUROPE("europe", -25, 45, 34, 71.5),

	MONGOLIA("mongolia", 86, 121, 40.5, 53),

	SOUTH_EAST_EUROPE("south-east-europe", 13, 42, 34.5, 49);

	static final int WIDTH = 960;

	private final String param;

	final double minLon;

	final double maxLon;

	final double minLat;

	final double maxLat;

	private final double scale;

	private final double cos;

	MapView(String param, double minLon, double maxLon, double minLat, double maxLat) {
		this.param = param;
		this.minLon = minLon;
		this.maxLon = maxLon;
		this.minLat = minLat;
		this.maxLat = maxLat;
		this.cos = "world".equals(param) ? 1 : Math.cos(Math.toRadians((minLat + maxLat) / 2));
		this.scale = WIDTH / ((maxLon - minLon) * this.cos);
	}

	/** The value of the {@code view} parameter, e.g. {@code south-east-europe}. */
	String param() {
		return this.param;
	}

	int height() {
		return (int) Math.round((this.maxLat - this.minLat) * this.scale);
	}

	double x(double lon) {
		return (lon - this.minLon) * this.cos * this.scale;
	}

	double y(double lat) {
		return (this.maxLat - lat) * this.scale;
	}

	boolean contains(double lat, double lon) {
		return lat >= this.minLat && lat <= this.maxLat && lon >= this.minLon && lon <= this.maxLon;
	}

	/** Whether lines that cross the antimeridian are drawn the short way, off one edge and back from the other. */
	boolean wraps() {
		return this == WORLD;
	}

	/** The view a parameter names; anything else (missing, misspelt, hostile) is the world. */
	static MapView of(String param) {
		if (param != null) {
			String wanted = param.strip().toLowerCase(Locale.ROOT);
			for (MapView view : values()) {
				if (view.param.equals(wanted)) {
					return view;
				}
			}
		}
		return WORLD;
	}
}
