package org.citybridge.browser;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** No page can slip past the gate: every GET route of the portal has a browser check. */
@BrowserTest
class RouteCoverageBrowserIT {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** Reviewed: GET routes that answer with something other than a page, and why. */
	static final java.util.Map<String, String> NOT_PAGES = java.util.Map.ofEntries(
			java.util.Map.entry("/account/data", "JSON download of the signed-in person's data; no HTML to check"),
			java.util.Map.entry("/events/{slug}/sessions/{id}.ics", "iCalendar file of one session; no HTML to check"),
			java.util.Map.entry("/learn/case-studies/{id}/attachments/{attachmentId}", "a case study's attached PDF or image; no HTML to check"),
			java.util.Map.entry("/events/{slug}/agenda.ics", "iCalendar file of a whole event; no HTML to check"),
			java.util.Map.entry("/events/{slug}/agenda.json", "the agenda as open data (JSON); no HTML to check"),
			java.util.Map.entry("/events/{slug}/my.ics", "iCalendar file of a shared personal agenda; no HTML to check"),
			java.util.Map.entry("/events/{slug}/meetings/mine.ics", "iCalendar file of a person's meetings and sessions; parsed with ical4j in MeetingPagesIT"),
			java.util.Map.entry("/events/{slug}/speakers/{id}/photo", "a speaker's photo (JPEG, PNG or WebP); tested in EventStaffIT"),
			java.util.Map.entry("/events/feeds/{token}.ics", "private iCalendar feed of a personal agenda; no HTML to check"),
			java.util.Map.entry("/funding/deadlines.ics", "iCalendar feed of call deadlines; parsed with ical4j in FundingPagesIT"),
			java.util.Map.entry("/agreements/{id}/document", "the signed PDF of an agreement; no HTML to check"),
			java.util.Map.entry("/agreements.csv", "open data: CSV of the register"),
			java.util.Map.entry("/agreements.json", "open data: JSON of the register"),
			java.util.Map.entry("/agreements.geojson", "open data: GeoJSON of the register"),
			java.util.Map.entry("/notices/feed/{token}", "private Atom feed of an account's notices; tested in NoticePagesIT"),
			java.util.Map.entry("/agreements.atom", "Atom feed of newly verified agreements"),
			java.util.Map.entry("/agreements/{id}/activities/{activityId}/documents/{documentId}",
					"a document of a partnership's activity (PDF or image); tested in ActivitiesIT"),
			java.util.Map.entry("/activities.csv", "open data: CSV of the activities; tested in ActivityJourneyIT"),
			java.util.Map.entry("/activities.json", "open data: JSON of the activities; tested in ActivityJourneyIT"),
			java.util.Map.entry("/activities.geojson", "open data: GeoJSON of the activities; tested in ActivityJourneyIT"),
			java.util.Map.entry("/activities.atom", "Atom feed of new activities; tested in ActivityJourneyIT"),
			java.util.Map.entry("/municipalities/{id}/activities.atom",
					"Atom feed of a municipality's new activities; tested in ActivityJourneyIT"),
			java.util.Map.entry("/partner-searches/feed.atom", "Atom feed of partner searches; tested in PartnerSearchesIT"));

	@Test
	void everyGetRouteHasABrowserCheck() {
		Set<String> covered = new TreeSet<>();
		PageCatalog.all().stream().map(PageType::route).filter(r -> r != null).forEach(covered::add);
		assertThat(uncovered(getRoutes(this.mappings), covered)).isEmpty();
	}

	@Test
	void aNewRouteWithoutACheckIsReported() {
		Set<String> routes = getRoutes(this.mappings);
		routes.add("/new-page-without-check");
		Set<String> covered = new TreeSet<>();
		PageCatalog.all().stream().map(PageType::route).filter(r -> r != null).forEach(covered::add);
		assertThat(uncovered(routes, covered)).containsExactly("/new-page-without-check");
	}

	@Test
	void everyCatalogRouteIsARealRoute() {
		Set<String> routes = getRoutes(this.mappings);
		PageCatalog.all().stream().map(PageType::route).filter(r -> r != null)
			.forEach(route -> assertThat(routes).as("catalog route").contains(route));
	}

	static Set<String> uncovered(Set<String> routes, Set<String> covered) {
		Set<String> missing = new TreeSet<>(routes);
		missing.removeAll(covered);
		return missing;
	}

	/** Every path pattern that answers GET, except the error dispatch and the test-only routes. */
	static Set<String> getRoutes(RequestMappingHandlerMapping mappings) {
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				if (!pattern.equals("/error") && !pattern.startsWith(FailingRoutes.PREFIX) && !NOT_PAGES.containsKey(pattern)) {
					routes.add(pattern);
				}
			}
		}
		return routes;
	}
}
