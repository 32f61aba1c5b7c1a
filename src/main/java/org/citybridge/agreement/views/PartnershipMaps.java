package org.citybridge.agreement.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Draws partnerships as lines between cities on an SVG map, on the server and within a budget: a
 * whole register (tens of thousands of pairs) still makes at most {@value #MAX_ELEMENTS} SVG
 * elements and a few hundred kilobytes. Cities are gathered into cells of a grid in the projection
 * (a few pixels wide, wider when the register is large), the lines between the same two cells are
 * drawn once, and all lines of a weight share one {@code <path>}. When few lines are left (one
 * country, one city), each line is its own link to its agreement.
 */
@Component
record PartnershipMaps(MapOutlines outlines) {

	/** Ceiling of SVG elements per map, outlines and lines and cities together. */
	static final int MAX_ELEMENTS = 2000;

	/** Lines drawn each as a link when a filter leaves at most this many. */
	static final int MAX_LINKED_LINES = 250;

	/** Ceiling of distinct line segments in the aggregated drawing: about 16 bytes each. */
	static final int MAX_SEGMENTS = 11_000;

	static final int MAX_MARKERS = 450;

	/** A party with coordinates, as the map needs it. */
	record Place(long id, String name, String countryCode, double lat, double lon) {
	}

	/** One partnership between two places. */
	record Line(long agreementId, Place a, Place b) {
	}

	/** Words and links of the map, in the reader's language. */
	interface Labels {

		/** Accessible name of a city: its name, how many more places share its dot, its partnerships. */
		String place(Place place, int othersNearby, int partnerships);

		String placeHref(Place place);

		/** Accessible name of a line, e.g. "Bonn – Ulaanbaatar". */
		String line(Line line);

		String lineHref(Line line);
	}

	/**
	 * The drawing: SVG content (without the {@code <svg>} element), what it shows and how much of it.
	 */
	record Drawing(String content, int width, int height, int lines, int segments, int markers, int elements,
			boolean linked, int grid) {
	}

	Drawing draw(MapView view, List<Line> lines, Set<String> highlightedCountries, Labels labels) {
		List<Line> visible = new ArrayList<>();
		for (Line line : lines) {
			if (view.contains(line.a.lat, line.a.lon) || view.contains(line.b.lat, line.b.lon)) {
				visible.add(line);
			}
		}
		boolean linked = visible.size() <= MAX_LINKED_LINES;
		StringBuilder svg = new StringBuilder(64 * 1024);
		int elements = 0;
		svg.append("<path class=\"land\" d=\"").append(this.outlines.land(view)).append("\"/>");
		elements++;
		String highlight = this.outlines.countries(view, highlightedCountries);
		if (!highlight.isEmpty()) {
			svg.append("<path class=\"chosen\" d=\"").append(highlight).append("\"/>");
			elements++;
		}
		int grid = 4;
		int segments;
		if (linked) {
			segments = visible.size();
			for (Line line : visible) {
				svg.append("<a href=\"").append(escape(labels.lineHref(line))).append("\" aria-label=\"")
					.append(escape(labels.line(line))).append("\"><path class=\"line\" d=\"");
				segment(svg, view, line.a, line.b);
				svg.append("\"/></a>");
				elements += 2;
			}
		}
		else {
			Map<Long, int[]> weights;
			while (true) {
				weights = aggregate(view, visible, grid);
				if (weights.size() <= MAX_SEGMENTS || grid >= 64) {
					break;
				}
				grid = grid % 3 == 0 ? grid / 3 * 4 : grid / 2 * 3;
			}
			segments = weights.size();
			StringBuilder[] byWeight = { new StringBuilder(), new StringBuilder(), new StringBuilder() };
			for (Map.Entry<Long, int[]> e : weights.entrySet()) {
				int[] w = e.getValue();
				StringBuilder d = byWeight[w[4] >= 5 ? 2 : w[4] >= 2 ? 1 : 0];
				d.append('M').append(w[0]).append(' ').append(w[1]).append(' ').append(w[2]).append(' ').append(w[3]);
			}
			for (int i = 0; i < byWeight.length; i++) {
				if (!byWeight[i].isEmpty()) {
					svg.append("<path class=\"lines w").append(i + 1).append("\" d=\"").append(byWeight[i]).append("\"/>");
					elements++;
				}
			}
		}
		int budget = Math.min(MAX_MARKERS, (MAX_ELEMENTS - elements - 10) / 3);
		int markers = markers(svg, view, visible, linked ? 2 : grid, budget, labels);
		elements += markers * 3;
		return new Drawing(svg.toString(), MapView.WIDTH, view.height(), visible.size(), segments, markers, elements,
				linked, grid);
	}

	/** Line segments between grid cells, each with how many partnerships it stands for. */
	private static Map<Long, int[]> aggregate(MapView view, List<Line> lines, int grid) {
		Map<Long, int[]> weights = new LinkedHashMap<>();
		int width = MapView.WIDTH;
		double height = view.height();
		for (Line line : lines) {
			double ax = view.x(line.a.lon);
			double ay = view.y(line.a.lat);
			double bx = view.x(line.b.lon);
			double by = view.y(line.b.lat);
			if (view.wraps() && Math.abs(ax - bx) > width / 2.0) {
				double shift = ax < bx ? -width : width;
				add(weights, grid, height, ax, ay, bx + shift, by);
				add(weights, grid, height, ax - shift, ay, bx, by);
			}
			else {
				add(weights, grid, height, ax, ay, bx, by);
			}
		}
		return weights;
	}

	private static void add(Map<Long, int[]> weights, int grid, double height, double ax, double ay, double bx,
			double by) {
		double[] clipped = clip(ax, ay, bx, by, MapView.WIDTH, height);
		if (clipped == null) {
			return;
		}
		int acx = Math.floorDiv((int) Math.floor(clipped[0]), grid);
		int acy = Math.floorDiv((int) Math.floor(clipped[1]), grid);
		int bcx = Math.floorDiv((int) Math.floor(clipped[2]), grid);
		int bcy = Math.floorDiv((int) Math.floor(clipped[3]), grid);
		if (acx == bcx && acy == bcy) {
			return;
		}
		long a = cell(acx, acy);
		long b = cell(bcx, bcy);
		long key = a < b ? a * 4_000_000L + b : b * 4_000_000L + a;
		int[] w = weights.get(key);
		if (w == null) {
			int half = grid / 2;
			w = new int[] { acx * grid + half, acy * grid + half, bcx * grid + half, bcy * grid + half, 0 };
			weights.put(key, w);
		}
		w[4]++;
	}

	/**
	 * The part of a segment inside the window (Liang–Barsky), or {@code null}: a line to a city far
	 * outside ends at the edge, where it shares its cell with the other lines going the same way.
	 */
	static double[] clip(double ax, double ay, double bx, double by, double width, double height) {
		double t0 = 0;
		double t1 = 1;
		double dx = bx - ax;
		double dy = by - ay;
		double[] p = { -dx, dx, -dy, dy };
		double[] q = { ax, width - ax, ay, height - ay };
		for (int i = 0; i < 4; i++) {
			if (p[i] == 0) {
				if (q[i] < 0) {
					return null;
				}
				continue;
			}
			double t = q[i] / p[i];
			if (p[i] < 0) {
				t0 = Math.max(t0, t);
			}
			else {
				t1 = Math.min(t1, t);
			}
			if (t0 > t1) {
				return null;
			}
		}
		return new double[] { ax + t0 * dx, ay + t0 * dy, ax + t1 * dx, ay + t1 * dy };
	}

	/** A cell as a number below 4,000,000: grid cells lie within ±1,000 of the window. */
	private static long cell(int cx, int cy) {
		return (long) (Math.max(-999, Math.min(999, cx)) + 1000) * 2000 + Math.max(-999, Math.min(999, cy)) + 1000;
	}

	private static void segment(StringBuilder d, MapView view, Place from, Place to) {
		long ax = Math.round(view.x(from.lon));
		long ay = Math.round(view.y(from.lat));
		long bx = Math.round(view.x(to.lon));
		long by = Math.round(view.y(to.lat));
		if (view.wraps() && Math.abs(ax - bx) > MapView.WIDTH / 2) {
			long shift = ax < bx ? -MapView.WIDTH : MapView.WIDTH;
			d.append('M').append(ax).append(' ').append(ay).append(' ').append(bx + shift).append(' ').append(by);
			d.append('M').append(ax - shift).append(' ').append(ay).append(' ').append(bx).append(' ').append(by);
		}
		else {
			d.append('M').append(ax).append(' ').append(ay).append(' ').append(bx).append(' ').append(by);
		}
	}

	private static final class Cell {

		final int x;

		final int y;

		final Map<Long, Integer> places = new HashMap<>();

		final Map<Long, Place> byId = new HashMap<>();

		int partnerships;

		Cell(int x, int y) {
			this.x = x;
			this.y = y;
		}

		/** The place with most partnerships in the cell; the lowest id among equals. */
		Place best() {
			long bestId = 0;
			int most = -1;
			for (Map.Entry<Long, Integer> e : this.places.entrySet()) {
				if (e.getValue() > most || (e.getValue() == most && e.getKey() < bestId)) {
					bestId = e.getKey();
					most = e.getValue();
				}
			}
			return this.byId.get(bestId);
		}
	}

	/** The cities in the window, one dot per grid cell, the busiest cells first when there are too many. */
	private static int markers(StringBuilder svg, MapView view, List<Line> lines, int grid, int budget, Labels labels) {
		Map<Long, Cell> cells = new HashMap<>();
		for (Line line : lines) {
			Cell ca = place(cells, view, line.a, grid);
			Cell cb = place(cells, view, line.b, grid);
			if (ca != null) {
				ca.partnerships++;
			}
			if (cb != null && cb != ca) {
				cb.partnerships++;
			}
		}
		List<Cell> chosen = cells.values().stream()
			.sorted(Comparator.comparingInt((Cell c) -> c.partnerships).reversed()
				.thenComparingInt(c -> c.y).thenComparingInt(c -> c.x))
			.limit(Math.max(0, budget))
			.sorted(Comparator.comparingInt((Cell c) -> c.partnerships).thenComparingInt(c -> c.y).thenComparingInt(c -> c.x))
			.toList();
		double half = grid / 2.0;
		for (Cell cell : chosen) {
			Place best = cell.best();
			String name = escape(labels.place(best, cell.places.size() - 1, cell.partnerships));
			int n = cell.partnerships;
			String r = n >= 50 ? "6" : n >= 10 ? "4.5" : n >= 2 ? "3.5" : "2.5";
			svg.append("<a href=\"").append(escape(labels.placeHref(best))).append("\" aria-label=\"").append(name)
				.append("\"><title>").append(name).append("</title><circle cx=\"")
				.append(number(cell.x * grid + half)).append("\" cy=\"").append(number(cell.y * grid + half))
				.append("\" r=\"").append(r).append("\"/></a>");
		}
		return chosen.size();
	}

	private static Cell place(Map<Long, Cell> cells, MapView view, Place place, int grid) {
		if (!view.contains(place.lat, place.lon)) {
			return null;
		}
		int cx = Math.floorDiv((int) Math.floor(view.x(place.lon)), grid);
		int cy = Math.floorDiv((int) Math.floor(view.y(place.lat)), grid);
		Cell cell = cells.computeIfAbsent(cell(cx, cy), k -> new Cell(cx, cy));
		cell.places.merge(place.id, 1, Integer::sum);
		cell.byId.putIfAbsent(place.id, place);
		return cell;
	}

	private static String number(double value) {
		long whole = Math.round(value);
		return whole == value ? Long.toString(whole) : Double.toString(value);
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}
}
