package org.citybridge.municipality.directory;

import java.util.List;
import java.util.Locale;

import org.citybridge.country.Countries;
import org.citybridge.country.CountryOutlines;
import org.citybridge.country.CountryOutlines.Ring;
import org.citybridge.country.CountryOutlines.Shape;
import org.citybridge.country.Country;

import org.springframework.stereotype.Component;
import org.citybridge.municipality.profile.MunicipalityProfile;

/**
 * Draws the small location map of a profile as SVG, on the server, from the Natural Earth country
 * outlines shipped in {@code geo/countries-50m.topo.json}: a window of about 40° by 25° around the
 * place, its country highlighted. No tile server, no script, a few kilobytes.
 */
@Component
class LocationMaps {

	static final int WIDTH = 480;

	static final int HEIGHT = 300;

	/** Degrees of longitude across the window at the equator. */
	private static final double SPAN = 36;

	/** What the template needs: the outlines as path elements, and where the place is. */
	public record LocationMap(String paths, double x, double y, String countryCode) {
	}

	private final CountryOutlines outlines;

	private final Countries countries;

	LocationMaps(Countries countries, CountryOutlines outlines) {
		this.countries = countries;
		this.outlines = outlines;
	}

	/** The map around a profile's coordinates, or {@code null} when it has none. */
	LocationMap of(MunicipalityProfile profile) {
		if (profile.latitude() == null || profile.longitude() == null) {
			return null;
		}
		String numeric = this.countries.byCode(profile.countryCode()).map(Country::numericCode).orElse(null);
		return render(profile.latitude().doubleValue(), profile.longitude().doubleValue(), numeric,
				profile.countryCode());
	}

	LocationMap render(double lat, double lon, String numericCode, String countryCode) {
		double lat0 = Math.max(-70, Math.min(70, lat));
		double cos = Math.cos(Math.toRadians(lat0));
		double scale = WIDTH / SPAN;
		double halfLon = SPAN / 2 / cos;
		double halfLat = (double) HEIGHT / 2 / scale;
		double minLon = lon - halfLon * 1.1;
		double maxLon = lon + halfLon * 1.1;
		double minLat = lat0 - halfLat * 1.1;
		double maxLat = lat0 + halfLat * 1.1;
		StringBuilder land = new StringBuilder();
		StringBuilder home = new StringBuilder();
		for (Shape shape : this.outlines.shapes()) {
			StringBuilder target = numericCode != null && numericCode.equals(shape.numericCode()) ? home : land;
			for (Ring ring : shape.rings()) {
				if (ring.maxLon() < minLon || ring.minLon() > maxLon || ring.maxLat() < minLat || ring.minLat() > maxLat) {
					continue;
				}
				appendRing(target, ring, lon, lat0, cos, scale, minLon, maxLon, minLat, maxLat);
			}
		}
		StringBuilder paths = new StringBuilder();
		if (!land.isEmpty()) {
			paths.append("<path class=\"land\" d=\"").append(land).append("\"/>");
		}
		if (!home.isEmpty()) {
			paths.append("<path class=\"home\" d=\"").append(home).append("\"/>");
		}
		double x = WIDTH / 2.0;
		double y = HEIGHT / 2.0 - (lat - lat0) * scale;
		return new LocationMap(paths.toString(), x, y, countryCode);
	}

	private static void appendRing(StringBuilder d, Ring ring, double lon0, double lat0, double cos, double scale,
			double minLon, double maxLon, double minLat, double maxLat) {
		long lastX = Long.MIN_VALUE;
		long lastY = Long.MIN_VALUE;
		int points = 0;
		int start = d.length();
		int n = ring.lon().length;
		for (int i = 0; i < n; i++) {
			int side = side(ring.lon()[i], ring.lat()[i], minLon, maxLon, minLat, maxLat);
			// Outside the window, a run of points beyond the same edge is drawn along that edge:
			// its first and last points are enough.
			if (side != 0 && i > 0 && i < n - 1
					&& side(ring.lon()[i - 1], ring.lat()[i - 1], minLon, maxLon, minLat, maxLat) == side
					&& side(ring.lon()[i + 1], ring.lat()[i + 1], minLon, maxLon, minLat, maxLat) == side) {
				continue;
			}
			// Points outside are pulled to the window's edge: the visible part keeps its shape.
			double plon = Math.max(minLon, Math.min(maxLon, ring.lon()[i]));
			double plat = Math.max(minLat, Math.min(maxLat, ring.lat()[i]));
			long x = Math.round((WIDTH / 2.0 + (plon - lon0) * cos * scale) * 2);
			long y = Math.round((HEIGHT / 2.0 - (plat - lat0) * scale) * 2);
			// Detail finer than two and a half pixels is invisible at this size: leave it out.
			if (lastX != Long.MIN_VALUE && Math.abs(x - lastX) + Math.abs(y - lastY) < 5 && i < n - 1) {
				continue;
			}
			d.append(points == 0 ? 'M' : 'L').append(half(x)).append(' ').append(half(y));
			lastX = x;
			lastY = y;
			points++;
		}
		if (points < 3) {
			d.setLength(start);
		}
		else {
			d.append('Z');
		}
	}

	/** 0 inside the window, else which edges the point lies beyond (a bit each). */
	private static int side(double lon, double lat, double minLon, double maxLon, double minLat, double maxLat) {
		return (lon < minLon ? 1 : 0) | (lon > maxLon ? 2 : 0) | (lat < minLat ? 4 : 0) | (lat > maxLat ? 8 : 0);
	}

	/** A coordinate kept at half-pixel precision: enough for a 480-pixel map, and short. */
	private static String half(long doubled) {
		return doubled % 2 == 0 ? Long.toString(doubled / 2) : String.format(Locale.ROOT, "%.1f", doubled / 2.0);
	}

}
