package org.citybridge.funding.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.citybridge.country.CountryGroup;
import org.citybridge.municipality.MunicipalitySearch;
import org.citybridge.municipality.MunicipalitySummary;
import org.citybridge.system.Actor;
import org.citybridge.system.ViewerZone;
import org.citybridge.theme.Themes;

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
import org.citybridge.funding.BodyKind;
import org.citybridge.funding.Call;
import org.citybridge.funding.CallStatus;
import org.citybridge.funding.FundingCatalogue;
import org.citybridge.funding.FundingDeadlines;
import org.citybridge.funding.FundingFinder;
import org.citybridge.funding.FundingPolicy;
import org.citybridge.funding.Instrument;
import org.citybridge.funding.Party;
import org.citybridge.funding.Rule;

/** The public funding pages: the instruments with filters and deadlines, one instrument, the finder, the feed. */
@Controller
public class FundingController {

	/** How many name matches the finder offers to choose from. */
	static final int CANDIDATES = 8;

	private final FundingCatalogue catalogue;

	private final FundingDeadlines deadlines;

	private final FundingFinder finder;

	private final RuleWords ruleWords;

	private final Themes themes;

	private final MunicipalitySearch municipalities;

	FundingController(FundingCatalogue catalogue, FundingDeadlines deadlines, FundingFinder finder, RuleWords ruleWords,
			Themes themes, MunicipalitySearch municipalities) {
		this.catalogue = catalogue;
		this.deadlines = deadlines;
		this.finder = finder;
		this.ruleWords = ruleWords;
		this.themes = themes;
		this.municipalities = municipalities;
	}

	@GetMapping("/funding")
	String list(@RequestParam(name = "theme", required = false) String theme,
			@RequestParam(name = "group", required = false) String group,
			@RequestParam(name = "body", required = false) String body,
			@RequestParam(name = "open", required = false) String open,
			@RequestParam(name = "tz", required = false) String tz,
			@CookieValue(name = ViewerZone.COOKIE, required = false) String remembered, HttpServletResponse response,
			Model model, Locale locale) {
		ZoneId viewer = ZoneChoice.resolve(tz, remembered, response, model);
		List<String> themeCodes = this.themes.codes();
		String themeFilter = themeCodes.contains(theme) ? theme : null;
		CountryGroup groupFilter = parse(CountryGroup.class, group);
		BodyKind bodyFilter = parse(BodyKind.class, body);
		boolean openOnly = open != null && Set.of("1", "true", "on", "yes").contains(open.strip());
		Instant now = this.deadlines.now();
		Map<Long, List<Call>> calls = this.catalogue.currentCalls(now);
		List<ListedInstrument> listed = this.catalogue.all().stream()
			.filter(i -> themeFilter == null || i.themes().contains(themeFilter))
			.filter(i -> groupFilter == null || i.rules(Rule.Kind.COUNTRY_GROUP).stream().anyMatch(r -> r.group() == groupFilter))
			.filter(i -> bodyFilter == null || i.rules(Rule.Kind.BODY_KIND).stream().anyMatch(r -> r.bodyKind() == bodyFilter))
			.map(i -> {
				List<Call> current = calls.getOrDefault(i.id(), List.of());
				return new ListedInstrument(i, current.stream().anyMatch(c -> c.status(now) == CallStatus.OPEN), current.size());
			})
			.filter(l -> !openOnly || l.openNow())
			.toList();
		model.addAttribute("instruments", listed);
		model.addAttribute("themes", themeCodes);
		model.addAttribute("groups", CountryGroup.values());
		model.addAttribute("bodies", BodyKind.values());
		model.addAttribute("theme", themeFilter);
		model.addAttribute("group", groupFilter == null ? null : groupFilter.name());
		model.addAttribute("body", bodyFilter == null ? null : bodyFilter.name());
		model.addAttribute("openOnly", openOnly);
		model.addAttribute("filtered", themeFilter != null || groupFilter != null || bodyFilter != null || openOnly);
		model.addAttribute("deadlines", this.deadlines.upcoming(viewer, locale));
		model.addAttribute("viewerZone", viewer == null ? null : viewer.getId());
		model.addAttribute("mayEdit", FundingPolicy.mayEdit(Actor.current()));
		return "funding/list";
	}

	@GetMapping("/funding/{slug}")
	String show(@PathVariable("slug") String slug, @RequestParam(name = "tz", required = false) String tz,
			@CookieValue(name = ViewerZone.COOKIE, required = false) String remembered, HttpServletResponse response,
			Model model, Locale locale) {
		Instrument instrument = this.catalogue.bySlug(slug);
		ZoneId viewer = ZoneChoice.resolve(tz, remembered, response, model);
		Instant now = this.deadlines.now();
		List<ShownCall> calls = this.catalogue.calls(instrument.id()).stream().map(c -> new ShownCall(c, c.status(now),
				FundingDeadlines.time(c.opensAt(), c.zone(), locale, true),
				FundingDeadlines.time(c.closesAt(), c.zone(), locale, true),
				viewer == null || viewer.getRules().equals(c.zone().getRules()) ? null
						: FundingDeadlines.time(c.closesAt(), viewer, locale, true),
				c.opensAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
				c.closesAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())).toList();
		model.addAttribute("instrument", instrument);
		model.addAttribute("rules", this.ruleWords.of(instrument, locale));
		model.addAttribute("calls", calls);
		model.addAttribute("viewerZone", viewer == null ? null : viewer.getId());
		model.addAttribute("mayEdit", FundingPolicy.mayEdit(Actor.current()));
		return "funding/detail";
	}

	@GetMapping("/funding/deadlines.ics")
	ResponseEntity<String> feed(HttpServletRequest request) {
		String base = request.getScheme() + "://" + request.getServerName()
				+ (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
		String body = DeadlineCalendar.of(this.deadlines.forFeed(), base, "citybridge", this.deadlines.now());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("citybridge-funding-deadlines.ics").build().toString())
			.body(body);
	}

	@GetMapping("/funding/finder")
	String finder(@RequestParam(name = "a", required = false) String a, @RequestParam(name = "b", required = false) String b,
			@RequestParam(name = "qa", required = false) String qa, @RequestParam(name = "qb", required = false) String qb,
			@RequestParam(name = "pa", required = false) String pa, @RequestParam(name = "pb", required = false) String pb,
			Model model) {
		// A new text in a search field searches again, even beside a municipality already chosen;
		// the same text as before (pa, pb) means the visitor picked one of the matches it offered.
		Long idA = searching(qa, pa) ? null : positive(a);
		Long idB = searching(qb, pb) ? null : positive(b);
		List<Party> chosen = idA == null && idB == null ? List.of() : this.finder.parties(idA == null ? idB : idA,
				idA == null || idB == null ? null : idB);
		Party partyA = idA == null ? null : chosen.stream().filter(p -> p.id() == idA).findFirst().orElse(null);
		Party partyB = idB == null ? null : chosen.stream().filter(p -> p.id() == idB).findFirst().orElse(null);
		FinderSide sideA = side("a", partyA, qa);
		FinderSide sideB = side("b", partyB, qb);
		boolean same = partyA != null && partyB != null && partyA.id() == partyB.id();
		List<Party> parties = same ? List.of(partyA)
				: java.util.stream.Stream.of(partyA, partyB).filter(p -> p != null).toList();
		model.addAttribute("sideA", sideA);
		model.addAttribute("sideB", sideB);
		model.addAttribute("same", same);
		model.addAttribute("unknownId", (idA != null && partyA == null) || (idB != null && partyB == null));
		model.addAttribute("parties", parties);
		model.addAttribute("verdicts", this.finder.evaluate(parties, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		model.addAttribute("now", this.finder.now());
		return "funding/finder";
	}

	private static boolean searching(String query, String previous) {
		return query != null && !query.isBlank() && !query.strip().equals(previous == null ? "" : previous.strip());
	}

	private FinderSide side(String key, Party chosen, String query) {
		if (chosen != null) {
			return new FinderSide(key, chosen, "", List.of(), false);
		}
		String text = query == null ? "" : query.strip();
		if (text.length() > 200) {
			text = text.substring(0, 200);
		}
		List<MunicipalitySummary> candidates = text.isEmpty() ? List.of() : this.municipalities.find(text, CANDIDATES);
		return new FinderSide(key, null, text, candidates, !text.isEmpty());
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null) {
			return null;
		}
		return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value.strip())).findFirst().orElse(null);
	}

	public static Long positive(String value) {
		try {
			long id = Long.parseLong(value == null ? "" : value.strip());
			return id > 0 ? id : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
