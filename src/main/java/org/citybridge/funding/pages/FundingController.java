package org.citybridge.funding.pages;

import java.time.ZoneId;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.citybridge.country.CountryGroup;
import org.citybridge.funding.BodyKind;
import org.citybridge.system.PageModel;
import org.citybridge.system.ViewerZone;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public funding pages: the instruments with filters and deadlines, one instrument, the finder, the feed. */
@Controller
record FundingController(FundingPages pages) {

	@GetMapping("/funding")
	String list(@RequestParam(name = "theme", required = false) String theme,
			@RequestParam(name = "group", required = false) String group,
			@RequestParam(name = "body", required = false) String body,
			@RequestParam(name = "open", required = false) String open,
			@RequestParam(name = "tz", required = false) String tz,
			@CookieValue(name = ViewerZone.COOKIE, required = false) String remembered, HttpServletResponse response,
			Model model, Locale locale) {
		ZoneId viewer = ViewerZone.choose(tz, remembered, "call", response, model);
		FundingPages.ListPage page = this.pages.list(theme, group, body, open, viewer, locale);
		model.addAttribute("instruments", page.instruments());
		model.addAttribute("themes", page.themes());
		model.addAttribute("groups", CountryGroup.values());
		model.addAttribute("bodies", BodyKind.values());
		model.addAttribute("theme", page.theme());
		model.addAttribute("group", page.group());
		model.addAttribute("body", page.body());
		model.addAttribute("openOnly", page.openOnly());
		model.addAttribute("filtered", page.filtered());
		model.addAttribute("deadlines", page.deadlines());
		model.addAttribute("viewerZone", viewer == null ? null : viewer.getId());
		model.addAttribute("mayEdit", page.mayEdit());
		return "funding/list";
	}

	@GetMapping("/funding/{slug}")
	String show(@PathVariable("slug") String slug, @RequestParam(name = "tz", required = false) String tz,
			@CookieValue(name = ViewerZone.COOKIE, required = false) String remembered, HttpServletResponse response,
			Model model, Locale locale) {
		ZoneId viewer = ViewerZone.choose(tz, remembered, "call", response, model);
		FundingPages.InstrumentPage page = this.pages.instrument(slug, viewer, locale);
		model.addAttribute("instrument", page.instrument());
		model.addAttribute("rules", page.rules());
		model.addAttribute("calls", page.calls());
		model.addAttribute("viewerZone", viewer == null ? null : viewer.getId());
		model.addAttribute("mayEdit", page.mayEdit());
		model.addAttribute("lumpSums", page.lumpSums());
		model.addAttribute("associatedNone", page.associatedNone());
		return "funding/detail";
	}

	@GetMapping("/funding/deadlines.ics")
	ResponseEntity<String> feed(HttpServletRequest request) {
		String base = request.getScheme() + "://" + request.getServerName()
				+ (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("citybridge-funding-deadlines.ics").build().toString())
			.body(this.pages.deadlinesFile(base));
	}

	/** The group check (issue 24): a consortium, or municipalities picked by name, against every instrument's rules. */
	@GetMapping("/funding/group")
	String group(@RequestParam(name = "m", required = false) java.util.List<String> m,
			@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "instrument", required = false) String instrument,
			@RequestParam(name = "call", required = false) String call, Model model, Locale locale) {
		PageModel.add(model, this.pages.group(m, q, instrument, call, locale));
		return "funding/group";
	}

	@GetMapping("/funding/finder")
	String finder(@RequestParam(name = "a", required = false) String a, @RequestParam(name = "b", required = false) String b,
			@RequestParam(name = "qa", required = false) String qa, @RequestParam(name = "qb", required = false) String qb,
			@RequestParam(name = "pa", required = false) String pa, @RequestParam(name = "pb", required = false) String pb,
			Model model, Locale locale) {
		FundingPages.FinderPage page = this.pages.finder(new FundingPages.FinderQuery(a, b, qa, qb, pa, pb), locale);
		PageModel.add(model, page);
		return "funding/finder";
	}
}
