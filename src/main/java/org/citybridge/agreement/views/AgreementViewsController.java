package org.citybridge.agreement.views;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.citybridge.system.DisplayNames;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.citybridge.agreement.register.AgreementParams;

/**
 * The register seen whole: its map, its statistics, and its open data files with their
 * documentation. Every view takes the register's filters from the query string.
 */
@Controller
class AgreementViewsController {

	private final AgreementViews views;

	private final PartnershipMaps maps;

	private final RegisterMapCache cache;

	private final OpenData openData;

	private final MessageSource messages;

	private final DisplayNames names;

	AgreementViewsController(AgreementViews views, PartnershipMaps maps, RegisterMapCache cache, OpenData openData,
			MessageSource messages, DisplayNames names) {
		this.views = views;
		this.maps = maps;
		this.cache = cache;
		this.openData = openData;
		this.messages = messages;
		this.names = names;
	}

	@ModelAttribute("viewFilter")
	ViewFilter filter(@ModelAttribute("params") AgreementParams params,
			@RequestParam(name = "municipality", required = false) String municipality) {
		return this.views.filter(params, municipality);
	}

	/** A map's drawing and how many lines it was drawn from. */
	private record MapDrawing(PartnershipMaps.Drawing drawing, int lines) {
	}

	/** A link in the map's view, e.g. the zoom links; the filter kept. */
	public record ViewLink(String key, String href, boolean current) {
	}

	@GetMapping("/agreements/map")
	String map(@ModelAttribute("viewFilter") ViewFilter filter,
			@RequestParam(name = "view", required = false) String viewParam,
			@RequestParam(name = "page", required = false) String pageParam, Model model, Locale locale) {
		MapView view = MapView.of(viewParam);
		// Drawing the whole register takes seconds: the drawing, the count and the table's pages
		// are cached until the register changes (RegisterMapCache).
		String query = filter.query();
		MapDrawing map = this.cache.get("drawing " + view + " " + locale.toLanguageTag() + " " + query, () -> {
			List<PartnershipMaps.Line> lines = this.views.lines(filter);
			Set<String> highlighted = new java.util.HashSet<>();
			for (String country : filter.countries()) {
				String numeric = this.views.numericCode(country);
				if (numeric != null) {
					highlighted.add(numeric);
				}
			}
			return new MapDrawing(this.maps.draw(view, lines, highlighted, labels(filter, view, locale)), lines.size());
		});
		PartnershipMaps.Drawing drawing = map.drawing();
		long total = this.cache.get("count " + query, () -> this.views.pairCount(filter));
		int lastPage = (int) Math.max(0, (total - 1) / AgreementViews.PAGE_SIZE);
		int page = Math.min(lastPage, page(pageParam));
		List<ViewLink> zoom = new ArrayList<>();
		for (MapView v : MapView.values()) {
			zoom.add(new ViewLink(v.name(), href("/agreements/map", filter, v), v == view));
		}
		model.addAttribute("view", view.param());
		model.addAttribute("drawing", drawing);
		model.addAttribute("zoom", zoom);
		model.addAttribute("pairs", this.cache.get("pairs " + page + " " + query, () -> this.views.pairs(filter, page)));
		model.addAttribute("total", total);
		model.addAttribute("page", page);
		model.addAttribute("lastPage", lastPage);
		model.addAttribute("firstShown", total == 0 ? 0 : (long) page * AgreementViews.PAGE_SIZE + 1);
		model.addAttribute("lastShown", Math.min(total, (long) (page + 1) * AgreementViews.PAGE_SIZE));
		model.addAttribute("previousHref", page > 0 ? pageHref(filter, view, page - 1) : null);
		model.addAttribute("nextHref", page < lastPage ? pageHref(filter, view, page + 1) : null);
		model.addAttribute("notOnMap", Math.max(0, total - map.lines()));
		common(filter, model);
		return "agreement/map";
	}

	@GetMapping("/agreements/stats")
	String stats(@ModelAttribute("viewFilter") ViewFilter filter, Model model, Locale locale) {
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
			.map(c -> new StatisticsCharts.Bar(message("agreementviews.status." + c.key(), locale), c.count()))
			.toList();
		model.addAttribute("total", this.views.count(filter));
		model.addAttribute("undated", undated);
		model.addAttribute("years", years);
		model.addAttribute("themes", themes);
		model.addAttribute("countryPairs", pairs);
		model.addAttribute("statuses", statuses);
		model.addAttribute("yearChart", StatisticsCharts.columns("chart-years", message("agreementviews.stats.years", locale),
				message("agreementviews.stats.years.desc", locale), years));
		model.addAttribute("themeChart", StatisticsCharts.rows("chart-themes", message("agreementviews.stats.themes", locale),
				message("agreementviews.stats.themes.desc", locale), themes));
		model.addAttribute("pairChart", StatisticsCharts.rows("chart-pairs", message("agreementviews.stats.pairs", locale),
				message("agreementviews.stats.pairs.desc", locale), pairs));
		model.addAttribute("statusChart", StatisticsCharts.rows("chart-status", message("agreementviews.stats.status", locale),
				message("agreementviews.stats.status.desc", locale), statuses));
		common(filter, model);
		return "agreement/stats";
	}

	@GetMapping("/open-data")
	String openData(Model model) {
		model.addAttribute("columns", OpenData.COLUMNS);
		return "agreement/open-data";
	}

	@GetMapping("/agreements.csv")
	void csv(@ModelAttribute("viewFilter") ViewFilter filter, HttpServletResponse response) throws IOException {
		start(response, "text/csv;charset=UTF-8", "agreements.csv");
		this.openData.csv(filter, base(), response.getOutputStream());
	}

	@GetMapping("/agreements.json")
	void json(@ModelAttribute("viewFilter") ViewFilter filter, HttpServletResponse response) throws IOException {
		start(response, "application/json;charset=UTF-8", null);
		this.openData.json(filter, base(), response.getOutputStream());
	}

	@GetMapping("/agreements.geojson")
	void geojson(@ModelAttribute("viewFilter") ViewFilter filter, HttpServletResponse response) throws IOException {
		start(response, "application/geo+json;charset=UTF-8", null);
		this.openData.geojson(filter, base(), response.getOutputStream());
	}

	@GetMapping("/agreements.atom")
	void atom(@ModelAttribute("viewFilter") ViewFilter filter, HttpServletResponse response, Locale locale)
			throws IOException {
		start(response, "application/atom+xml;charset=UTF-8", null);
		this.openData.atom(filter, base(), message("agreementviews.atom.title", locale), response.getOutputStream());
	}

	private static void start(HttpServletResponse response, String contentType, String attachment) {
		response.setContentType(contentType);
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Access-Control-Allow-Origin", "*");
		if (attachment != null) {
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(attachment).build().toString());
		}
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	private void common(ViewFilter filter, Model model) {
		model.addAttribute("filterQuery", filter.query());
		model.addAttribute("problems", filter.problems());
		model.addAttribute("municipalityName",
				filter.municipality() == null ? null : this.views.municipalityName(filter.municipality()));
	}

	private PartnershipMaps.Labels labels(ViewFilter filter, MapView view, Locale locale) {
		return new PartnershipMaps.Labels() {

			@Override
			public String place(PartnershipMaps.Place place, int othersNearby, int partnerships) {
				String country = AgreementViewsController.this.names.country(place.countryCode(), locale);
				return othersNearby == 0
						? message("agreementviews.map.place", locale, place.name(), country, partnerships)
						: message("agreementviews.map.places", locale, place.name(), country, othersNearby, partnerships);
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
				return message("agreementviews.map.line", locale, line.a().name(), line.b().name());
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
				? message("agreementviews.stats.pair", locale, this.names.country(codes[0], locale),
						this.names.country(codes[1], locale))
				: key;
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}
}
