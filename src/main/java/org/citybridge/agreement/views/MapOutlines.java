package org.citybridge.agreement.views;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.citybridge.country.CountryOutlines;
import org.citybridge.country.CountryOutlines.Ring;
import org.citybridge.country.CountryOutlines.Shape;

import org.springframework.stereotype.Component;

/**
 * The country outlines of the partnership map, from the Natural Earth TopoJSON shipped in
 * {@code geo/countries-50m.topo.json} (the same file as the profile's location map), drawn as SVG path
 * data for one {@link MapView}: points pulled to the window's edge, detail below a pixel left out. The
 * land of each view is computed once; a highlighted country on demand.
 */
@Component
class MapOutlines {



	private final CountryOutlines outlines;

	private final Map<MapView, String> land = new EnumMap<>(MapView.class);

	MapOutlines(CountryOutlines outlines) {
		this.outlines = outlines;
	}

	/** Path data of every country in the view. */
	synchronized String land(MapView view) {
		return this.land.computeIfAbsent(view, v -> draw(v, this.outlines.shapes()));
	}

	/** Path data of the countries with these ISO numeric codes, empty when none is in the view. */
	String countries(MapView view, Collection<String> numericCodes) {
		if (numericCodes.isEmpty()) {
			return "";
		}
		return draw(view, this.outlines.shapes().stream().filter(s -> s.numericCode() != null && numericCodes.contains(s.numericCode())).toList());
	}

	private static String draw(MapView view, List<Shape> shapes) {
		StringBuilder d = new StringBuilder();
		for (Shape shape : shapes) {
			for (Ring ring : shape.rings()) {
				if (ring.maxLon() < view.minLon || ring.minLon() > view.maxLon || ring.maxLat() < view.minLat
						|| ring.minLat() > view.maxLat) {
					continue;
				}
				appendRing(d, ring, view);
			}
		}
		return d.toString();
	}

	/** Detail below this many pixels is left out (Douglas–Peucker): invisible at the map's size. */
	private static final double TOLERANCE = 0.8;

	private static void appendRing(StringBuilder d, Ring ring, MapView view) {
		int n = ring.lon().length;
		double[] xs = new double[n];
		double[] ys = new double[n];
		int m = 0;
		for (int i = 0; i < n; i++) {
			int side = side(ring.lon()[i], ring.lat()[i], view);
			// A run of points beyond the same edge is drawn along that edge: its ends are enough.
			if (side != 0 && i > 0 && i < n - 1 && side(ring.lon()[i - 1], ring.lat()[i - 1], view) == side
					&& side(ring.lon()[i + 1], ring.lat()[i + 1], view) == side) {
				continue;
			}
			xs[m] = view.x(Math.max(view.minLon, Math.min(view.maxLon, ring.lon()[i])));
			ys[m] = view.y(Math.max(view.minLat, Math.min(view.maxLat, ring.lat()[i])));
			m++;
		}
		if (m < 3) {
			return;
		}
		boolean[] keep = new boolean[m];
		keep[0] = true;
		keep[m - 1] = true;
		simplify(xs, ys, 0, m - 1, keep);
		// A ring pulled flat against the window's edge (Antarctica below the world view) encloses
		// nothing and would only draw a line along the edge.
		double area = 0;
		int previous = -1;
		for (int i = 0; i < m; i++) {
			if (keep[i]) {
				if (previous >= 0) {
					area += xs[previous] * ys[i] - xs[i] * ys[previous];
				}
				previous = i;
			}
		}
		if (previous > 0) {
			area += xs[previous] * ys[0] - xs[0] * ys[previous];
		}
		if (Math.abs(area) / 2 < 1.5) {
			return;
		}
		int start = d.length();
		long lastX = 0;
		long lastY = 0;
		int points = 0;
		boolean pendingL = false;
		long minX = Long.MAX_VALUE;
		long maxX = Long.MIN_VALUE;
		long minY = Long.MAX_VALUE;
		long maxY = Long.MIN_VALUE;
		for (int i = 0; i < m; i++) {
			if (!keep[i]) {
				continue;
			}
			long x = Math.round(xs[i]);
			long y = Math.round(ys[i]);
			if (points == 0 || Math.abs(x - lastX) > MapView.WIDTH / 2) {
				// A ring across the antimeridian jumps from one edge to the other: lift the pen.
				d.append('M').append(x).append(' ').append(y);
				pendingL = true;
			}
			else if (x != lastX || y != lastY) {
				// Relative moves, one "l" for all, a minus sign as separator: short paths on long coasts.
				if (pendingL) {
					d.append('l').append(x - lastX);
					pendingL = false;
				}
				else {
					appendSigned(d, x - lastX, true);
				}
				appendSigned(d, y - lastY, true);
			}
			else {
				continue;
			}
			minX = Math.min(minX, x);
			maxX = Math.max(maxX, x);
			minY = Math.min(minY, y);
			maxY = Math.max(maxY, y);
			lastX = x;
			lastY = y;
			points++;
		}
		// An islet of a pixel or two, or a ring squeezed flat against the edge, draws nothing.
		if (points < 3 || (maxX - minX) + (maxY - minY) < 3) {
			d.setLength(start);
		}
		else {
			d.append('z');
		}
	}

	private static void appendSigned(StringBuilder d, long value, boolean separate) {
		if (value >= 0 && separate) {
			d.append(' ');
		}
		d.append(value);
	}

	private static void simplify(double[] xs, double[] ys, int first, int last, boolean[] keep) {
		java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
		stack.push(new int[] { first, last });
		while (!stack.isEmpty()) {
			int[] span = stack.pop();
			int a = span[0];
			int b = span[1];
			double dx = xs[b] - xs[a];
			double dy = ys[b] - ys[a];
			double length = Math.hypot(dx, dy);
			double worst = -1;
			int at = -1;
			for (int i = a + 1; i < b; i++) {
				double distance = length == 0 ? Math.hypot(xs[i] - xs[a], ys[i] - ys[a])
						: Math.abs(dy * (xs[i] - xs[a]) - dx * (ys[i] - ys[a])) / length;
				if (distance > worst) {
					worst = distance;
					at = i;
				}
			}
			if (at >= 0 && worst > TOLERANCE) {
				keep[at] = true;
				stack.push(new int[] { a, at });
				stack.push(new int[] { at, b });
			}
		}
	}

	private static int side(double lon, double lat, MapView view) {
		return (lon < view.minLon ? 1 : 0) | (lon > view.maxLon ? 2 : 0) | (lat < view.minLat ? 4 : 0)
				| (lat > view.maxLat ? 8 : 0);
	}


}
