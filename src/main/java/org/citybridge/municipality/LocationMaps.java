package org.citybridge.municipality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.citybridge.country.Countries;
import org.citybridge.country.Country;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

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

	private record Ring(double[] lon, double[] lat, double minLon, double maxLon, double minLat, double maxLat) {
	}

	private record Shape(String numericCode, List<Ring> rings) {
	}

	private final List<Shape> shapes;

	private final Countries countries;

	LocationMaps(Countries countries) {
		this.countries = countries;
		this.shapes = load();
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
		for (Shape shape : this.shapes) {
			StringBuilder target = numericCode != null && numericCode.equals(shape.numericCode) ? home : land;
			for (Ring ring : shape.rings) {
				if (ring.maxLon < minLon || ring.minLon > maxLon || ring.maxLat < minLat || ring.minLat > maxLat) {
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
		int n = ring.lon.length;
		for (int i = 0; i < n; i++) {
			int side = side(ring.lon[i], ring.lat[i], minLon, maxLon, minLat, maxLat);
			// Outside the window, a run of points beyond the same edge is drawn along that edge:
			// its first and last points are enough.
			if (side != 0 && i > 0 && i < n - 1
					&& side(ring.lon[i - 1], ring.lat[i - 1], minLon, maxLon, minLat, maxLat) == side
					&& side(ring.lon[i + 1], ring.lat[i + 1], minLon, maxLon, minLat, maxLat) == side) {
				continue;
			}
			// Points outside are pulled to the window's edge: the visible part keeps its shape.
			double plon = Math.max(minLon, Math.min(maxLon, ring.lon[i]));
			double plat = Math.max(minLat, Math.min(maxLat, ring.lat[i]));
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

	private static List<Shape> load() {
		try (InputStream in = new ClassPathResource("geo/countries-50m.topo.json").getInputStream()) {
			JsonNode root = new ObjectMapper().readTree(in);
			double sx = root.get("transform").get("scale").get(0).asDouble();
			double sy = root.get("transform").get("scale").get(1).asDouble();
			double tx = root.get("transform").get("translate").get(0).asDouble();
			double ty = root.get("transform").get("translate").get(1).asDouble();
			List<double[][]> arcs = new ArrayList<>();
			for (JsonNode arc : root.get("arcs")) {
				double[][] points = new double[arc.size()][2];
				long x = 0;
				long y = 0;
				for (int i = 0; i < arc.size(); i++) {
					x += arc.get(i).get(0).asLong();
					y += arc.get(i).get(1).asLong();
					points[i][0] = x * sx + tx;
					points[i][1] = y * sy + ty;
				}
				arcs.add(points);
			}
			List<Shape> shapes = new ArrayList<>();
			for (JsonNode geometry : root.get("objects").get("countries").get("geometries")) {
				JsonNode id = geometry.get("id");
				String code = id == null || id.isNull() ? null : id.asString();
				List<Ring> rings = new ArrayList<>();
				String type = geometry.get("type").asString();
				if ("Polygon".equals(type)) {
					for (JsonNode ring : geometry.get("arcs")) {
						rings.add(ring(ring, arcs));
					}
				}
				else if ("MultiPolygon".equals(type)) {
					for (JsonNode polygon : geometry.get("arcs")) {
						for (JsonNode ring : polygon) {
							rings.add(ring(ring, arcs));
						}
					}
				}
				shapes.add(new Shape(code, rings));
			}
			return List.copyOf(shapes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the map outlines", ex);
		}
	}

	private static Ring ring(JsonNode arcIndexes, List<double[][]> arcs) {
		List<double[]> points = new ArrayList<>();
		for (JsonNode index : arcIndexes) {
			int i = index.asInt();
			double[][] arc = i >= 0 ? arcs.get(i) : reversed(arcs.get(~i));
			for (int p = points.isEmpty() ? 0 : 1; p < arc.length; p++) {
				points.add(arc[p]);
			}
		}
		double[] lon = new double[points.size()];
		double[] lat = new double[points.size()];
		double minLon = 180;
		double maxLon = -180;
		double minLat = 90;
		double maxLat = -90;
		for (int i = 0; i < points.size(); i++) {
			lon[i] = points.get(i)[0];
			lat[i] = points.get(i)[1];
			minLon = Math.min(minLon, lon[i]);
			maxLon = Math.max(maxLon, lon[i]);
			minLat = Math.min(minLat, lat[i]);
			maxLat = Math.max(maxLat, lat[i]);
		}
		return new Ring(lon, lat, minLon, maxLon, minLat, maxLat);
	}

	private static double[][] reversed(double[][] arc) {
		double[][] r = new double[arc.length][];
		for (int i = 0; i < arc.length; i++) {
			r[i] = arc[arc.length - 1 - i];
		}
		return r;
	}
}
