package org.citybridge.agreement.views;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartnershipMapsTest {

	static final PartnershipMaps MAPS = new PartnershipMaps(new MapOutlines(new org.citybridge.country.CountryOutlines(Runnable::run)));

	static final PartnershipMaps.Labels LABELS = new PartnershipMaps.Labels() {

		@Override
		public String place(PartnershipMaps.Place place, int othersNearby, int partnerships) {
			return place.name() + " (" + place.countryCode() + ") +" + othersNearby + ": " + partnerships;
		}

		@Override
		public String placeHref(PartnershipMaps.Place place) {
			return "/agreements/map?municipality=" + place.id() + "&view=world";
		}

		@Override
		public String line(PartnershipMaps.Line line) {
			return line.a().name() + " – " + line.b().name();
		}

		@Override
		public String lineHref(PartnershipMaps.Line line) {
			return "/agreements/" + line.agreementId();
		}
	};

	/** About as many places and pairs as the Wikipedia list, most of them in Europe. */
	static List<PartnershipMaps.Line> register(int pairs, long seed) {
		Random random = new Random(seed);
		List<PartnershipMaps.Place> places = new ArrayList<>();
		for (int i = 0; i < 14_000; i++) {
			boolean europe = random.nextInt(10) < 7;
			double lat = europe ? 36 + random.nextDouble() * 30 : -50 + random.nextDouble() * 120;
			double lon = europe ? -10 + random.nextDouble() * 50 : -180 + random.nextDouble() * 360;
			places.add(new PartnershipMaps.Place(i + 1, "Place <" + i + "> & \"co\"", "XX", lat, lon));
		}
		List<PartnershipMaps.Line> lines = new ArrayList<>();
		for (int i = 0; i < pairs; i++) {
			lines.add(new PartnershipMaps.Line(i + 1, places.get(random.nextInt(places.size())),
					places.get(random.nextInt(places.size()))));
		}
		return lines;
	}

	static int elements(String svg) {
		Matcher m = Pattern.compile("<[a-zA-Z]").matcher(svg);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	@Test
	void drawsAWholeRegisterWithinTheElementAndByteBudgetInEveryView() {
		List<PartnershipMaps.Line> lines = register(26_000, 7);
		for (MapView view : MapView.values()) {
			PartnershipMaps.Drawing drawing = MAPS.draw(view, lines, Set.of(), LABELS);
			int bytes = drawing.content().getBytes(StandardCharsets.UTF_8).length;
			System.out.printf("%s: %d bytes, %d elements, %d lines, %d segments, %d markers, grid %d%n", view,
					bytes, elements(drawing.content()), drawing.lines(), drawing.segments(), drawing.markers(),
					drawing.grid());
			assertThat(elements(drawing.content())).isEqualTo(drawing.elements()).isLessThanOrEqualTo(2000);
			assertThat(bytes).isLessThan(330_000);
			assertThat(drawing.linked()).isEqualTo(drawing.lines() <= PartnershipMaps.MAX_LINKED_LINES);
			assertThat(drawing.content()).doesNotContain("<0>", "\"co\"");
		}
	}

	@Test
	void drawsEachLineAsALinkWhenFewAreLeft() {
		List<PartnershipMaps.Line> lines = register(40, 3);
		PartnershipMaps.Drawing drawing = MAPS.draw(MapView.WORLD, lines, Set.of("496"), LABELS);
		assertThat(drawing.linked()).isTrue();
		assertThat(drawing.content()).contains("<a href=\"/agreements/1\" aria-label=\"Place &lt;")
			.contains("class=\"chosen\"");
		assertThat(Pattern.compile("<a href=\"/agreements/\\d+\"").matcher(drawing.content()).results().count())
			.isEqualTo(drawing.lines());
	}

	@Test
	void drawsALineAcrossTheAntimeridianTheShortWay() {
		PartnershipMaps.Place tokyo = new PartnershipMaps.Place(1, "Tokyo", "JP", 35.7, 139.7);
		PartnershipMaps.Place sanFrancisco = new PartnershipMaps.Place(2, "San Francisco", "US", 37.8, -122.4);
		PartnershipMaps.Drawing drawing = MAPS.draw(MapView.WORLD,
				List.of(new PartnershipMaps.Line(9, tokyo, sanFrancisco)), Set.of(), LABELS);
		// Tokyo at x 853, San Francisco at 154: off the right edge to 1114, and back from -107.
		assertThat(drawing.content()).contains("M853 129 1114 123M-107 129 154 123");
	}

	@Test
	void anUnknownViewIsTheWorld() {
		assertThat(MapView.of("<script>")).isEqualTo(MapView.WORLD);
		assertThat(MapView.of(null)).isEqualTo(MapView.WORLD);
		assertThat(MapView.of(" Europe ")).isEqualTo(MapView.EUROPE);
		assertThat(MapView.of("south-east-europe")).isEqualTo(MapView.SOUTH_EAST_EUROPE);
	}
}
