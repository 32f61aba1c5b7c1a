package org.citybridge.agreement.views;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.citybridge.agreement.register.AgreementParams;

/**
 * The register seen whole: its map, its statistics, and its open data files with their
 * documentation. Every view takes the register's filters from the query string.
 */
@Controller
record AgreementViewsController(AgreementViews views, ViewPages pages, OpenData openData, MessageSource messages) {

	@ModelAttribute("viewFilter")
	ViewFilter filter(AgreementParams params,
			@RequestParam(name = "municipality", required = false) String municipality) {
		return this.views.filter(params, municipality);
	}

	@GetMapping("/agreements/map")
	String map(@ModelAttribute("viewFilter") ViewFilter filter,
			@RequestParam(name = "view", required = false) String viewParam,
			@RequestParam(name = "page", required = false) String pageParam, Model model, Locale locale) {
		ViewPages.MapPage page = this.pages.map(filter, viewParam, pageParam, locale);
		model.addAttribute("view", page.view());
		model.addAttribute("drawing", page.drawing());
		model.addAttribute("zoom", page.zoom());
		model.addAttribute("pairs", page.pairs());
		model.addAttribute("total", page.total());
		model.addAttribute("page", page.page());
		model.addAttribute("lastPage", page.lastPage());
		model.addAttribute("firstShown", page.firstShown());
		model.addAttribute("lastShown", page.lastShown());
		model.addAttribute("previousHref", page.previousHref());
		model.addAttribute("nextHref", page.nextHref());
		model.addAttribute("notOnMap", page.notOnMap());
		filtered(page.filtered(), model);
		return "agreement/map";
	}

	@GetMapping("/agreements/stats")
	String stats(@ModelAttribute("viewFilter") ViewFilter filter, Model model, Locale locale) {
		ViewPages.StatsPage page = this.pages.stats(filter, locale);
		model.addAttribute("total", page.total());
		model.addAttribute("undated", page.undated());
		model.addAttribute("years", page.years());
		model.addAttribute("themes", page.themes());
		model.addAttribute("countryPairs", page.countryPairs());
		model.addAttribute("statuses", page.statuses());
		model.addAttribute("yearChart", page.yearChart());
		model.addAttribute("themeChart", page.themeChart());
		model.addAttribute("pairChart", page.pairChart());
		model.addAttribute("statusChart", page.statusChart());
		model.addAttribute("activities", page.activities());
		filtered(page.filtered(), model);
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
		start(response, "application/json;charset=UTF-8", "agreements.json");
		this.openData.json(filter, base(), response.getOutputStream());
	}

	@GetMapping("/agreements.geojson")
	void geojson(@ModelAttribute("viewFilter") ViewFilter filter, HttpServletResponse response) throws IOException {
		start(response, "application/geo+json;charset=UTF-8", "agreements.geojson");
		this.openData.geojson(filter, base(), response.getOutputStream());
	}

	@GetMapping("/agreements.atom")
	void atom(@ModelAttribute("viewFilter") ViewFilter filter, HttpServletResponse response, Locale locale)
			throws IOException {
		start(response, "application/atom+xml;charset=UTF-8", null);
		this.openData.atom(filter, base(), message("agreement.views.atom.title", locale), response.getOutputStream());
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

	private static void filtered(ViewPages.Filtered filtered, Model model) {
		model.addAttribute("filterQuery", filtered.filterQuery());
		model.addAttribute("problems", filtered.problems());
		model.addAttribute("municipalityId", filtered.municipalityId());
		model.addAttribute("municipalityName", filtered.municipalityName());
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}
}
