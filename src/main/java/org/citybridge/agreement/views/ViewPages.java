package org.citybridge.agreement.views;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.citybridge.system.DisplayNames;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The register's map and statistics pages, each from one call, filtered as the register is: the
 * map (drawn from the cache, its zoom links, the table of pairs page by page) and the statistics
 * (counts per year, theme, country pair and status, with their charts).
 */
@Service
record ViewPages(AgreementViews views,
		PartnershipMaps maps,
		RegisterMapCache cache,
		MessageSource messages,
		DisplayNames names) {

	/** What every view shows of its filter: the query string, what could not be used, the municipality named. */
	record Filtered(String filterQuery, List<ViewFilter.Problem> problems, Long municipalityId, String municipalityName) {
	}

	/** A link in the map's view, e.g. the zoom links; the filter kept. */
	record ViewLink(String key, String href, boolean current) {
	}

	/**
	 * The map page: the view, its drawing and zoom links, one page of the table of pairs (0-based
	 * {@code page}, positions from 1), links to the pages around it, and how many pairs could not be
	 * drawn.
	 */
	record MapPage(String view, PartnershipMaps.Drawing drawing, List<ViewLink> zoom,
			List<AgreementViews.PairRow> pairs, long total, int page, int lastPage, long firstShown, long lastShown,
			String previousHref, String nextHref, long notOnMap, Filtered filtered) {
	}

	/** The statistics page: the counts as bars, the undated agreements, and the charts drawn from the bars. */
	record StatsPage(long total, long undated, List<StatisticsCharts.Bar> years, List<StatisticsCharts.Bar> themes,
			List<StatisticsCharts.Bar> countryPairs, List<StatisticsCharts.Bar> statuses, String yearChart,
			String themeChart, String pairChart, String statusChart, Filtered filtered, ActivityCounts activities) {
	}

	/** What the partners of the counted agreements did: activities per year, theme and country pair, and their charts. */
	record ActivityCounts(List<StatisticsCharts.Bar> years, List<StatisticsCharts.Bar> themes,
			List<StatisticsCharts.Bar> countryPairs, String yearChart, String themeChart, String pairChart) {
	}

	/** A map's drawing and how many lines it was drawn from. */
	private record MapDrawing(PartnershipMaps.Drawing drawing, int lines) {
	}

	/** The map page for the view and page number as sent (anything unusable is the world, the first page). */
	MapPage map(ViewFilter filter, String viewParam, String pageParam, Locale locale) {
		MapView view = MapView.of(viewParam);
		// Drawing the whole register takes seconds: the drawing, the count and the table's pages
		// are cached until the register changes (RegisterMapCache).
		String query = filter.cacheKey();
		MapDrawing map = this.cache.get("drawing " + view + " " + locale.toLanguageTag() + " " + query, () -> {
			List<PartnershipMaps.Line> lines = this.views.lines(filter);
			Set<String> highlighted = new HashSet<>();
			for (String country : filter.countries()) {
				String numeric = this.views.numericCode(country);
				if (numeric != null) {
					highlighted.add(numeric);
				}
			}
			return new MapDrawing(this.maps.draw(view, lines, highlighted, labels(view, locale)), lines.size());
		});
		long total = this.cache.get("count " + query, () -> this.views.pairCount(filter));
		int lastPage = (int) Math.max(0, (total - 1) / AgreementViews.PAGE_SIZE);
		int page = Math.min(lastPage, page(pageParam));
		List<ViewLink> zoom = new ArrayList<>();
		for (MapView v : MapView.values()) {
			zoom.add(new ViewLink(v.name(), href("/agreements/map", filter, v), v == view));
		}
		List<AgreementViews.PairRow> pairs = this.cache.get("pairs " + page + " " + query,
				() -> this.views.pairs(filter, page));
		return new MapPage(view.param(), map.drawing(), zoom, pairs, total, page, lastPage,
				total == 0 ? 0 : (long) page * AgreementViews.PAGE_SIZE + 1,
				Math.min(total, (long) (page + 1) * AgreementViews.PAGE_SIZE),
				page > 0 ? pageHref(filter, view, page - 1) : null,
				page < lastPage ? pageHref(filter, view, page + 1) : null, Math.max(0, total - map.lines()),
				filtered(filter));
	}

	/** The statistics page, its labels in the visitor's language. */
	StatsPage stats(ViewFilter filter, Locale locale) {
		List<StatisticsCharts.Bar> years = new ArrayList<>();
		long undated = 0;
		for (AgreementViews.Count c : this.views.perYear(filter)) {
			if (c.key().isEmpty()) {
				undated = c.count();
			}
			else {
				years.add(new StatisticsCharts.Bar(c.key(), c.count()));
			}
		}
		List<StatisticsCharts.Bar> themes = this.views.perTheme(filter).stream()
			.map(c -> new StatisticsCharts.Bar(message("theme." + c.key(), locale), c.count()))
			.toList();
		List<StatisticsCharts.Bar> pairs = this.views.perCountryPair(filter, 20).stream()
			.map(c -> new StatisticsCharts.Bar(countryPair(c.key(), locale), c.count()))
			.toList();
		List<StatisticsCharts.Bar> statuses = this.views.perStatus(filter).stream()
			.map(c -> new StatisticsCharts.Bar(message("agreement.views.status." + c.key(), locale), c.count()))
			.toList();
		return new StatsPage(this.views.count(filter), undated, years, themes, pairs, statuses,
				StatisticsCharts.columns("chart-years", message("agreement.views.stats.years", locale),
						message("agreement.views.stats.years.desc", locale), years),
				StatisticsCharts.rows("chart-themes", message("agreement.views.stats.themes", locale),
						message("agreement.views.stats.themes.desc", locale), themes),
				StatisticsCharts.rows("chart-pairs", message("agreement.views.stats.pairs", locale),
						message("agreement.views.stats.pairs.desc", locale), pairs),
				StatisticsCharts.rows("chart-status", message("agreement.views.stats.status", locale),
						message("agreement.views.stats.status.desc", locale), statuses),
				filtered(filter), activities(filter, locale));
	}

	private ActivityCounts activities(ViewFilter filter, Locale locale) {
		List<StatisticsCharts.Bar> years = this.views.activitiesPerYear(filter).stream()
			.map(c -> new StatisticsCharts.Bar(c.key(), c.count()))
			.toList();
		List<StatisticsCharts.Bar> themes = this.views.activitiesPerTheme(filter).stream()
			.map(c -> new StatisticsCharts.Bar(message("theme." + c.key(), locale), c.count()))
			.toList();
		List<StatisticsCharts.Bar> pairs = this.views.activitiesPerCountryPair(filter, 20).stream()
			.map(c -> new StatisticsCharts.Bar(countryPair(c.key(), locale), c.count()))
			.toList();
		return new ActivityCounts(years, themes, pairs,
				StatisticsCharts.columns("chart-activity-years", message("activity.stats.years", locale),
						message("activity.stats.years.desc", locale), years),
				StatisticsCharts.rows("chart-activity-themes", message("activity.stats.themes", locale),
						message("activity.stats.themes.desc", locale), themes),
				StatisticsCharts.rows("chart-activity-pairs", message("activity.stats.pairs", locale),
						message("activity.stats.pairs.desc", locale), pairs));
	}

	private Filtered filtered(ViewFilter filter) {
		return new Filtered(filter.query(), filter.problems(), filter.municipality(),
				filter.municipality() == null ? null : this.views.municipalityName(filter.municipality()));
	}

	private PartnershipMaps.Labels labels(MapView view, Locale locale) {
		return new PartnershipMaps.Labels() {

			@Override
			public String place(PartnershipMaps.Place place, int othersNearby, int partnerships) {
				String country = ViewPages.this.names.country(place.countryCode(), locale);
				return othersNearby == 0
						? message("agreement.views.map.place", locale, place.name(), country, partnerships)
						: message("agreement.views.map.places", locale, place.name(), country, othersNearby, partnerships);
			}

			@Override
			public String placeHref(PartnershipMaps.Place place) {
				UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/agreements/map");
				uri.queryParam("municipality", place.id());
				if (view != MapView.WORLD) {
					uri.queryParam("view", view.param());
				}
				return uri.build().encode().toUriString();
			}

			@Override
			public String line(PartnershipMaps.Line line) {
				return message("agreement.views.map.line", locale, line.a().name(), line.b().name());
			}

			@Override
			public String lineHref(PartnershipMaps.Line line) {
				return "/agreements/" + line.agreementId();
			}
		};
	}

	private static String href(String path, ViewFilter filter, MapView view) {
		UriComponentsBuilder uri = filter.addTo(UriComponentsBuilder.fromPath(path));
		if (view != MapView.WORLD) {
			uri.queryParam("view", view.param());
		}
		return uri.build().encode().toUriString();
	}

	private static String pageHref(ViewFilter filter, MapView view, int page) {
		UriComponentsBuilder uri = filter.addTo(UriComponentsBuilder.fromPath("/agreements/map"));
		if (view != MapView.WORLD) {
			uri.queryParam("view", view.param());
		}
		if (page > 0) {
			uri.queryParam("page", page + 1);
		}
		return uri.build().encode().toUriString() + "#pairs";
	}

	/** The page number as sent (1-based), as a 0-based index; anything unusable is the first page. */
	private static int page(String param) {
		if (param == null) {
			return 0;
		}
		try {
			int page = Integer.parseInt(param.strip());
			return Math.max(0, Math.min(1_000_000, page) - 1);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private String countryPair(String key, Locale locale) {
		String[] codes = key.split("-");
		return codes.length == 2
				? message("agreement.views.stats.pair", locale, this.names.country(codes[0], locale),
						this.names.country(codes[1], locale))
				: key;
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}
}
