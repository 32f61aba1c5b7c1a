package org.citybridge.country;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The countries' outlines from the Natural Earth 1:50m topology shipped in {@code geo/}, decoded
 * once for every map the portal draws (a profile's location, the partnership map): on first use,
 * or in the background as soon as the portal is ready, whichever comes first (not during start-up,
 * issue 21).
 */
@Component
public class CountryOutlines {

	private final TaskExecutor executor;

	private volatile List<Shape> shapes;

	public CountryOutlines(@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.executor = executor;
	}

	/** One closed ring of a country's outline, in degrees, with its bounding box. */
	public record Ring(double[] lon, double[] lat, double minLon, double maxLon, double minLat, double maxLat) {
	}

	/** A country by its ISO 3166-1 numeric code (null for areas without one) and its rings. */
	public record Shape(String numericCode, List<Ring> rings) {
	}

	public List<Shape> shapes() {
		List<Shape> loaded = this.shapes;
		if (loaded == null) {
			synchronized (this) {
				loaded = this.shapes;
				if (loaded == null) {
					loaded = load();
					this.shapes = loaded;
				}
			}
		}
		return loaded;
	}

	@EventListener(ApplicationReadyEvent.class)
	void decodeWhenReady() {
		this.executor.execute(this::shapes);
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
				shapes.add(new Shape(code, List.copyOf(rings)));
			}
			return List.copyOf(shapes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the map outlines", ex);
		}
	}

	/** Joins a ring's arcs (a negative index is the arc reversed), dropping each shared end point. */
	private static Ring ring(JsonNode arcIndexes, List<double[][]> arcs) {
		List<double[]> points = new ArrayList<>();
		for (JsonNode index : arcIndexes) {
			int i = index.asInt();
			double[][] arc = arcs.get(i >= 0 ? i : ~i);
			int length = arc.length;
			for (int p = points.isEmpty() ? 0 : 1; p < length; p++) {
				points.add(i >= 0 ? arc[p] : arc[length - 1 - p]);
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
}
