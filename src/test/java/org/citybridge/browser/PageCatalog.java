package org.citybridge.browser;

import java.util.List;

import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.citybridge.account.AccountTestSupport;

import static org.citybridge.DemoPlaces.BONN;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.ERDENET;
import static org.citybridge.DemoPlaces.GHENT;
import static org.citybridge.DemoPlaces.KAPOSVAR;
import static org.citybridge.DemoPlaces.SELENGE_AIMAG;
import static org.citybridge.DemoPlaces.NIS;
import static org.citybridge.DemoPlaces.SZEKESFEHERVAR;
import static org.citybridge.DemoPlaces.ULAANBAATAR;
import static org.citybridge.DemoPlaces.ZEITZ;

/**
 * Every page type of the portal, each in the states a visitor meets. A new GET route without an
 * entry here fails {@code RouteCoverageBrowserIT}: add its page (and its forms' empty and invalid
 * states) to this list.
 */
final class PageCatalog {

	/** The demo forum's plenary room, named in the page's language (the demo gives all three). */
	private static final java.util.regex.Pattern HOUSE_NAMES = java.util.regex.Pattern
		.compile("House of Municipalities|Муниципалитетуудын ордон|Maison des communes");

	/** The demo forum's first track, named in the page's language. */
	private static final String TRACK_LINK = "main table a:has-text('Institutional partnerships'), "
			+ "main table a:has-text('Институцийн түншлэл'), main table a:has-text('Partenariats institutionnels')";

	private static final String HOUSE_LINK = "main table a:has-text('House of Municipalities'), "
			+ "main table a:has-text('Муниципалитетуудын ордон'), main table a:has-text('Maison des communes')";


	/** An example instrument of {@code FundingDemoData} with a country exception and an open call. */
	static final String FUNDING_EXAMPLE = "example-technical-exchange";

	/** The link to Ghent's demonstration partner search on the list of searches. */
	static final String GHENT_SEARCH = "main a:has-text('Local energy communities')";

	/** The demo forum that {@code EventDemoData} loads. */
	static final String BRUSSELS_FORUM = "brussels-forum-2025";

	static final String EVENT = "/events/" + BRUSSELS_FORUM;

	/** The upcoming demonstration forum that {@code EventDemoData} loads, open for registration. */
	static final String UPCOMING_FORUM = "partnership-forum-demo";

	static final String OFFICER_NIS = "officer.nis@citybridge.example";

	static final String AGENDA = "/events/" + BRUSSELS_FORUM + "/agenda";

	static final String SESSION_NEW = "/events/" + BRUSSELS_FORUM + "/sessions/new";

	private PageCatalog() {
	}

	static List<PageType> all() {
		List<PageType> all = new java.util.ArrayList<>(features());
		all.addAll(MeetingPageTypes.all());
		return List.copyOf(all);
	}

	private static List<PageType> features() {
		return List.of(
				PageType.get("home", "/", "/").onPhoneToo(),
				new PageType("home-world-loading", "/", true, (page, site) -> site.whileWorldLoads(() -> {
					Response home = page.navigate(site.url("/"));
					if (!home.text().contains("<progress max=\"100\" value=\"48\"")) {
						throw new IllegalStateException("The home page does not show the world's load half-way");
					}
					return home;
				})),
				PageType.get("directory", "/municipalities", "/municipalities").onPhoneToo(),
				PageType.get("directory-results", "/municipalities", "/municipalities?q=dar"),
				PageType.get("directory-no-results", "/municipalities", "/municipalities?q=zzqqxx"),
				PageType.get("directory-filtered", "/municipalities",
						"/municipalities?country=MN&group=PARTNER&kind=REGIONAL_CENTRE&population_min=10000&offers=AGRICULTURE_RURAL&seeking=1&sort=name")
					.onPhoneToo(),
				PageType.get("directory-filtered-no-results", "/municipalities",
						"/municipalities?q=darkhan&country=BE&population_max=10"),
				PageType.get("directory-invalid-filters", "/municipalities",
						"/municipalities?population_min=abc&country=ZZ&page=-1&size=100000&q=%3Cb%3Ex%3C%2Fb%3E")
					.onPhoneToo(),
				new PageType("profile", "/municipalities/{id}", true,
						(page, site) -> page.navigate(site.url("/municipalities/" + site.municipalityId(DARKHAN)))),
				// A region (issue 22): its profile with seat and the places inside, the directory of them, its suggestions.
				new PageType("region-profile", "/municipalities/{id}", true,
						(page, site) -> page.navigate(site.url("/municipalities/" + site.municipalityId(SELENGE_AIMAG)))),
				new PageType("directory-region", "/municipalities", false, (page, site) -> page
					.navigate(site.url("/municipalities?region=" + site.municipalityId(SELENGE_AIMAG) + "&sort=population"))),
				PageType.get("directory-kind-region", "/municipalities", "/municipalities?kind=REGION&country=MN"),
				new PageType("region-partners", "/municipalities/{id}/partners", false, (page, site) -> page
					.navigate(site.url("/municipalities/" + site.municipalityId(SELENGE_AIMAG) + "/partners"))),
				new PageType("profile-officer", "/municipalities/{id}", false, (page, site) -> signedIn(page, site,
						AccountTestSupport.OFFICER_DARKHAN, "/municipalities/" + site.municipalityId(DARKHAN))),
				PageType.get("accessibility", "/accessibility", "/accessibility").onPhoneToo(),
				new PageType("accessibility-invalid", "/accessibility", true, PageCatalog::submitInvalidBarrierReport),
				new PageType("accessibility-sent", "/accessibility", false, PageCatalog::submitBarrierReport),
				new PageType("accessibility-reports", "/accessibility/reports", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/accessibility/reports")),
				PageType.get("privacy", "/privacy", "/privacy"),
				PageType.get("funding-list", "/funding", "/funding").onPhoneToo(),
				PageType.get("funding-list-filtered", "/funding",
						"/funding?theme=SMART_CITY&group=PARTNER&body=MUNICIPALITY&open=1&tz=Asia/Ulaanbaatar").onPhoneToo(),
				PageType.get("funding-list-nothing-matches", "/funding", "/funding?body=NGO&open=1&tz=Mars/Olympus_Mons"),
				PageType.get("funding-detail", "/funding/{slug}", "/funding/" + FUNDING_EXAMPLE).onPhoneToo(),
				PageType.get("funding-detail-twinning", "/funding/{slug}", "/funding/twinning?tz=Asia/Ulaanbaatar"),
				PageType.get("funding-finder-empty", "/funding/finder", "/funding/finder").onPhoneToo(),
				PageType.get("funding-finder-search", "/funding/finder", "/funding/finder?qa=dar"),
				PageType.get("funding-finder-no-match", "/funding/finder", "/funding/finder?qa=zzqqxx&a=abc"),
				new PageType("funding-finder-one", "/funding/finder", true,
						(page, site) -> page.navigate(site.url("/funding/finder?a=" + site.municipalityId(DARKHAN)))),
				new PageType("funding-finder-pair", "/funding/finder", true, (page, site) -> page.navigate(site.url(
						"/funding/finder?a=" + site.municipalityId(DARKHAN) + "&b=" + site.municipalityId(GHENT)))),
				new PageType("funding-instrument-new", "/funding/new", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/funding/new")),
				new PageType("funding-instrument-new-invalid", "/funding/new", true, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/funding/new");
					return submit(page, "main form", Map.of("#name", " ", "#slug", "Not A Slug", "#officialUrl", "ftp://nope",
							"#leadAlso", "Atlantis", "#partnerNot", "Congo", "#minPartners", "abc"));
				}),
				new PageType("funding-instrument-edit", "/funding/{slug}/edit", false, (page, site) -> signedIn(page, site,
						AccountTestSupport.STAFF_CEMR, "/funding/" + FUNDING_EXAMPLE + "/edit")),
				new PageType("funding-call-new", "/funding/{slug}/calls/new", false, (page, site) -> signedIn(page, site,
						AccountTestSupport.STAFF_CEMR, "/funding/" + FUNDING_EXAMPLE + "/calls/new")),
				new PageType("funding-call-new-invalid", "/funding/{slug}/calls/new", true, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/funding/" + FUNDING_EXAMPLE + "/calls/new");
					return submit(page, "main form", Map.of("#title", " ", "#opens", "2026-05-10T09:00", "#closes",
							"2026-05-01T17:00", "#zone", "Mars/Olympus_Mons", "#url", "ftp://nope"));
				}),
				new PageType("funding-call-edit", "/funding/{slug}/calls/{id}/edit", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/funding/" + FUNDING_EXAMPLE);
					return page.waitForResponse(r -> r.request().isNavigationRequest(),
							() -> page.click("main a[href*='/calls/'][href$='/edit']"));
				}),
				// Issue 24, rest: a call's group rules, published lump sums, associated countries not yet entered.
				PageType.get("funding-detail-lump-sums", "/funding/{slug}", "/funding/cerv-town-twinning").onPhoneToo(),
				PageType.get("funding-detail-call-rules", "/funding/{slug}", "/funding/cerv-networks-of-towns"),
				new PageType("funding-lump-sums", "/funding/{slug}/lump-sums", true, (page, site) -> signedIn(page, site,
						AccountTestSupport.STAFF_CEMR, "/funding/cerv-town-twinning/lump-sums")),
				new PageType("funding-lump-sums-invalid", "/funding/{slug}/lump-sums", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/funding/cerv-town-twinning/lump-sums");
					return submit(page, "main form", Map.of("#rows", "25-50: 8455\n40-60: 9000\nmany: 1", "#sourceUrl", "ftp://nope"));
				}),
				new PageType("funding-lump-sums-overlap", "/funding/{slug}/lump-sums", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/funding/cerv-town-twinning/lump-sums");
					return submit(page, "main form", Map.of("#rows", "25-50: 8455\n40-60: 9000"));
				}),
				new PageType("funding-call-lump-sums", "/funding/{slug}/calls/{id}/lump-sums", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/funding/" + FUNDING_EXAMPLE);
					return follow(page, "main a[href*='/calls/'][href$='/lump-sums']");
				}),
				new PageType("funding-call-edit-invalid", "/funding/{slug}/calls/{id}/edit", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/funding/" + FUNDING_EXAMPLE);
					follow(page, "main a[href*='/calls/'][href$='/edit']");
					return submit(page, "main form", Map.of("#maxPartners", "1", "#fromGroupMinimum", "2", "#minParticipants", "many"));
				}),
				new PageType("funding-group-call", "/funding/group", true, (page, site) -> {
					page.navigate(site.url("/funding/cerv-networks-of-towns"));
					String call = String.valueOf(page.evaluate("() => document.querySelector('ul.calls li[id^=call-]').id.substring(5)"));
					return page.navigate(site.url("/funding/group?m=" + site.municipalityId(GHENT) + "&m=" + site.municipalityId(BONN)
							+ "&m=" + site.municipalityId(NIS) + "&m=" + site.municipalityId(DARKHAN) + "&call=" + call));
				}),
				PageType.get("agreement-list", "/agreements", "/agreements").onPhoneToo(),
				PageType.get("agreement-list-filtered", "/agreements",
						"/agreements?pair_a=EU_MEMBER&pair_b=MN&type=SISTER_CITY&status=ACTIVE&sort=title").onPhoneToo(),
				PageType.get("agreement-list-no-results", "/agreements", "/agreements?country=BE&type=MEMORANDUM"),
				PageType.get("agreement-list-invalid-filters", "/agreements",
						"/agreements?from=abc&country=ZZ&page=-1&size=100000&pair_a=%3Cb%3E"),
				new PageType("agreement-detail", "/agreements/{id}", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/agreements?sort=title&size=100");
					return page.waitForResponse(r -> r.request().isNavigationRequest(),
							() -> page.click("main table a:has-text('Bonn'), main table a:has-text('Бонн')"));
				}),
				new PageType("agreement-detail-imported", "/agreements/{id}", true, (page, site) -> {
					page.navigate(site.url("/agreements?sort=title&size=100"));
					return page.waitForResponse(r -> r.request().isNavigationRequest(),
							() -> page.click("main table a:has-text('Darkhan'), main table a:has-text('Дархан')"));
				}),
				new PageType("agreement-detail-case-studies", "/agreements/{id}", false, (page, site) -> {
					open(page, site, "/learn/case-studies?q=template", "main ul.case-studies a");
					return follow(page, "main dd a[href^='/agreements/']");
				}),
				new PageType("agreement-edit", "/agreements/{id}/edit", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/agreements?sort=title&size=100");
					page.waitForResponse(r -> r.request().isNavigationRequest(),
							() -> page.click("main table a:has-text('Bonn'), main table a:has-text('Бонн')"));
					return page.waitForResponse(r -> r.request().isNavigationRequest(),
							() -> page.click("main a[href$='/edit']"));
				}),
				new PageType("agreement-form-empty", "/agreements/new", true,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/agreements/new")),
				new PageType("agreement-form-party-search", "/agreements/new", true, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/agreements/new");
					page.fill("#partySearch", "Darkhan");
					return clickAndWait(page, "main form button[value=search]");
				}),
				new PageType("agreement-form-invalid", "/agreements/new", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/agreements/new");
					page.fill("#title", " ");
					page.fill("#endsOn", "2001-01-01");
					page.fill("#signedOn", "2002-01-01");
					return clickAndWait(page, "main form button[value=save]");
				}),
				new PageType("agreement-form-duplicate", "/agreements/new", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/agreements/new");
					page.fill("#partySearch", "Zeitz");
					clickAndWait(page, "main form button[value=search]");
					clickAndWait(page, "main form button[name=addParty]");
					page.fill("#partySearch", "Darkhan");
					clickAndWait(page, "main form button[value=search]");
					clickAndWait(page, "main form button[name=addParty]");
					page.fill("#title", "Zeitz – Darkhan again");
					return clickAndWait(page, "main form button[value=save]");
				}),
				new PageType("activity-agreement", "/agreements/{id}", true, (page, site) -> page.navigate(
						site.url("/agreements/" + agreementBetween(site, BONN, ULAANBAATAR)))),
				new PageType("activity-agreement-none-yet", "/agreements/{id}", false, (page, site) -> signedIn(page, site,
						AccountTestSupport.OFFICER_DARKHAN, "/agreements/" + agreementBetween(site, KAPOSVAR, DARKHAN))),
				new PageType("activity-form-new", "/agreements/{id}/activities/new", true, (page, site) -> signedIn(page, site,
						AccountTestSupport.OFFICER_DARKHAN,
						"/agreements/" + agreementBetween(site, KAPOSVAR, DARKHAN) + "/activities/new?kind=STUDY_VISIT")),
				new PageType("activity-form-invalid", "/agreements/{id}/activities/new", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN,
							"/agreements/" + agreementBetween(site, KAPOSVAR, DARKHAN) + "/activities/new");
					page.fill("#title", " ");
					page.fill("#startsOn", "2031-01-01");
					page.fill("#endsOn", "2030-01-01");
					page.fill("#participants", "0");
					return clickAndWait(page, "main form button[type=submit]");
				}),
				new PageType("activity-form-edit", "/agreements/{id}/activities/{activityId}/edit", false, (page, site) -> {
					long agreement = agreementBetween(site, BONN, ULAANBAATAR);
					long activity = jdbc(site).sql("SELECT min(id) FROM agreement_activities WHERE agreement_id = ?")
						.param(agreement).query(Long.class).single();
					return signedIn(page, site, AccountTestSupport.STAFF_CEMR,
							"/agreements/" + agreement + "/activities/" + activity + "/edit");
				}),
				new PageType("activity-check-in", "/agreements/{id}/check-in", true, (page, site) -> {
					long agreement = agreementBetween(site, ZEITZ, DARKHAN);
					jdbc(site).sql("""
							INSERT INTO agreement_check_ins (agreement_id, municipality_id, due_on) VALUES (?, ?, current_date)
							ON CONFLICT DO NOTHING
							""").params(agreement, site.municipalityId(DARKHAN)).update();
					return signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/agreements/" + agreement + "/check-in");
				}),
				new PageType("activity-check-in-none", "/agreements/{id}/check-in", false, (page, site) -> signedIn(page, site,
						AccountTestSupport.OFFICER_DARKHAN, "/agreements/" + agreementBetween(site, KAPOSVAR, DARKHAN) + "/check-in")),
				new PageType("activity-dormant-list", "/agreements/dormant", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/agreements/dormant")),
				PageType.get("activity-register-active", "/agreements", "/agreements?active=2"),
				new PageType("activity-profile-timeline", "/municipalities/{id}", false,
						(page, site) -> page.navigate(site.url("/municipalities/" + site.municipalityId(DARKHAN)))),
				new PageType("home-officer", "/home", true,
						(page, site) -> signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/home")),
				new PageType("home-staff", "/home", true,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/home")),
				new PageType("home-delegate", "/home", false,
						(page, site) -> signedIn(page, site, site.delegateEmail(), "/home")),
				new PageType("home-admin", "/home", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.ADMIN, "/home")),
				new PageType("agreement-verify-list", "/agreements/unverified", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/agreements/unverified")),
				new PageType("agreement-map", "/agreements/map", false, (page, site) -> withPartnerships(page, site, "/agreements/map")),
				new PageType("agreement-map-europe", "/agreements/map", false,
						(page, site) -> withPartnerships(page, site, "/agreements/map?view=europe")),
				new PageType("agreement-map-city", "/agreements/map", false, (page, site) -> withPartnerships(page, site,
						"/agreements/map?view=mongolia&municipality=" + site.municipalityId(DARKHAN))),
				PageType.get("agreement-map-invalid", "/agreements/map",
						"/agreements/map?country=ZZ&view=%3Cb%3E&page=-3&from=abc&theme=NOPE"),
				new PageType("agreement-stats", "/agreements/stats", true,
						(page, site) -> withPartnerships(page, site, "/agreements/stats")),
				PageType.get("agreement-stats-empty", "/agreements/stats", "/agreements/stats?country=AQ"),
				PageType.get("open-data", "/open-data", "/open-data"),
				PageType.get("events", "/events", "/events").onPhoneToo(),
				PageType.get("event", "/events/{slug}", "/events/" + BRUSSELS_FORUM),
				PageType.get("event-upcoming", "/events/{slug}", "/events/" + UPCOMING_FORUM).onPhoneToo(),
				PageType.get("agenda", "/events/{slug}/agenda", AGENDA + "?tz=event").onPhoneToo(),
				PageType.get("agenda-two-zones", "/events/{slug}/agenda", AGENDA + "?tz=Asia/Ulaanbaatar").onPhoneToo(),
				PageType.get("agenda-zone-refused", "/events/{slug}/agenda", AGENDA + "?tz=Mars/Olympus_Mons"),
				PageType.get("agenda-nothing-matches", "/events/{slug}/agenda", AGENDA + "?tz=event&room=999999999"),
				new PageType("agenda-staff", "/events/{slug}/agenda", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_CEMR, AGENDA + "?tz=event")),
				new PageType("session-new", "/events/{slug}/sessions/new", true,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_CEMR, SESSION_NEW)),
				new PageType("session-new-invalid", "/events/{slug}/sessions/new", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, SESSION_NEW);
					return submit(page, "main form", Map.of("#title", " ", "#startTime", "15:00", "#endTime", "14:00"));
				}),
				new PageType("session-new-room-clash", "/events/{slug}/sessions/new", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, SESSION_NEW);
					page.selectOption("#roomId", page.locator("#roomId option", new Page.LocatorOptions().setHasText(HOUSE_NAMES))
						.first().getAttribute("value"));
					return submit(page, "main form",
							Map.of("#title", "Clashing panel", "#day", "2025-02-17", "#startTime", "11:00", "#endTime", "12:00"));
				}),
				new PageType("session-edit", "/events/{slug}/sessions/{id}/edit", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, AGENDA + "?tz=event");
					return page.waitForResponse(r -> r.request().isNavigationRequest(),
							() -> page.click("main a[href$='/edit']"));
				}),
				new PageType("municipality-new", "/municipalities/new", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/municipalities/new")),
				new PageType("municipality-new-invalid", "/municipalities/new", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/municipalities/new");
					return submit(page, "main form", Map.of("#name", " ", "#population", "-3", "#latitude", "95"));
				}),
				new PageType("municipality-records", "/municipalities/{id}/records", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.ADMIN,
								"/municipalities/" + site.municipalityId(DARKHAN) + "/records?q=dar")),
				new PageType("municipality-records-merge", "/municipalities/{id}/records", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.ADMIN,
							"/municipalities/" + site.municipalityId(DARKHAN) + "/records?q=erdenet");
					return page.waitForResponse(r -> r.request().isNavigationRequest(),
							() -> page.click("main ul.candidates a"));
				}),
				PageType.get("learn-overview", "/learn", "/learn").onPhoneToo(),
				new PageType("learn-overview-staff", "/learn", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/learn")),
				new PageType("learn-training", "/learn/training/{id}", true,
						(page, site) -> open(page, site, "/learn", "main ul.programmes a")),
				new PageType("learn-training-staff", "/learn/training/{id}", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/learn");
					return follow(page, "main ul.programmes a");
				}),
				new PageType("learn-training-officer", "/learn/training/{id}", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_GHENT, "/learn");
					return follow(page, "main ul.programmes a");
				}),
				new PageType("learn-training-new", "/learn/training/new", true,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/learn/training/new")),
				new PageType("learn-training-new-invalid", "/learn/training/new", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/learn/training/new");
					return submit(page, "main form", Map.of("#title", " ", "#timeZone", "Mars/Olympus", "#seats", "0"));
				}),
				new PageType("learn-training-edit", "/learn/training/{id}/edit", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/learn");
					follow(page, "main ul.programmes a");
					return follow(page, "main a[href$='/edit']");
				}),
				new PageType("learn-my", "/learn/my", true,
						(page, site) -> signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/learn/my")),
				PageType.get("learn-case-studies", "/learn/case-studies", "/learn/case-studies?q=template"),
				PageType.get("learn-case-studies-none", "/learn/case-studies", "/learn/case-studies?q=zzqqxx&theme=%3Cb%3E&page=-1"),
				new PageType("learn-case-study", "/learn/case-studies/{id}", true,
						(page, site) -> open(page, site, "/learn/case-studies", "main ul.case-studies a")),
				new PageType("learn-case-study-pending-staff", "/learn/case-studies/{id}", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/learn");
					return follow(page, "section[aria-labelledby='pending-heading'] a");
				}),
				new PageType("learn-case-study-new", "/learn/case-studies/new", true,
						(page, site) -> signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/learn/case-studies/new")),
				new PageType("learn-case-study-new-invalid", "/learn/case-studies/new", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/learn/case-studies/new");
					page.fill("#title", " ");
					page.fill("#municipalitySearch", "Zzqqxxville");
					return clickAndWait(page, "main form button[name=action][value=save]");
				}),
				new PageType("learn-case-study-new-searched", "/learn/case-studies/new", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/learn/case-studies/new");
					page.fill("#municipalitySearch", "Nis");
					return clickAndWait(page, "main form button[name=action][value=search]");
				}),
				new PageType("learn-case-study-new-agreements-listed", "/learn/case-studies/new", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/learn/case-studies/new");
					page.fill("#municipalitySearch", "Niš");
					clickAndWait(page, "main form button[name=action][value=search]");
					return clickAndWait(page, "main form button[name=addMunicipality][value='" + site.municipalityId(NIS) + "']");
				}),
				new PageType("learn-case-study-new-preview", "/learn/case-studies/new", true, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/learn/case-studies/new");
					page.selectOption("#language", "en");
					page.fill("#title", "Winter markets");
					page.fill("#body", "## Plan\n\nThe market opens at **dawn**.\n\n![Map of the stalls](https://example.org/map.png)");
					return clickAndWait(page, "main form button[name=action][value=preview]");
				}),
				new PageType("learn-case-study-new-agreements-invalid", "/learn/case-studies/new", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/learn/case-studies/new");
					page.check("main form input[name=agreements] >> nth=0");
					clickAndWait(page, "main form button[name=removeMunicipality]");
					page.fill("#title", "Linked elsewhere");
					page.fill("#summary", "S");
					page.fill("#body", "B");
					return clickAndWait(page, "main form button[name=action][value=save]");
				}),
				new PageType("learn-case-study-edit", "/learn/case-studies/{id}/edit", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/learn/case-studies");
					follow(page, "main ul.case-studies a");
					return follow(page, "main a[href$='/edit']");
				}),
				PageType.get("agenda-timetable", "/events/{slug}/agenda", AGENDA + "?tz=event&view=grid").onPhoneToo(),
				PageType.get("agenda-timetable-two-zones", "/events/{slug}/agenda", AGENDA + "?tz=Asia/Ulaanbaatar&view=grid"),
				PageType.get("agenda-filtered-language", "/events/{slug}/agenda", AGENDA + "?tz=event&language=French"),
				new PageType("agenda-signed-in", "/events/{slug}/agenda", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, AGENDA + "?tz=event")),
				new PageType("session-page", "/events/{slug}/sessions/{id}", true, (page, site) -> {
					page.navigate(site.url(AGENDA + "?tz=event"));
					return follow(page, "main " + session(site, "Four strategic focus areas"));
				}),
				new PageType("session-workshop", "/events/{slug}/sessions/{id}", true, (page, site) -> {
					page.navigate(site.url(AGENDA + "?tz=event"));
					return follow(page, "main h3 " + session(site, "Twinning and TAIEX"));
				}),
				// The demo forum is over: a signed-in delegate reads that registration has closed.
				new PageType("session-workshop-ended", "/events/{slug}/sessions/{id}", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_GHENT, AGENDA + "?tz=Asia/Ulaanbaatar");
					return follow(page, "main h3 " + session(site, "Training local officials"));
				}),
				new PageType("speaker-page", "/events/{slug}/speakers/{id}", true, (page, site) -> {
					page.navigate(site.url(EVENT));
					return follow(page, "main a:has-text('Dusan Raicevic')");
				}),
				PageType.get("my-agenda-empty", "/events/{slug}/my", EVENT + "/my").onPhoneToo(),
				new PageType("my-agenda-shared-with-clash", "/events/{slug}/my", true, (page, site) -> {
					page.navigate(site.url(AGENDA + "?tz=event"));
					stay(page, "main li.session:has(h3 " + session(site, "Sister-city agreements") + ") a[href*='/agenda?s=']");
					stay(page, "main li.session:has(h3 " + session(site, "Twinning and TAIEX") + ") a[href*='/agenda?s=']");
					return follow(page, "main a[href*='/my?s=']");
				}),
				new PageType("my-agenda-signed-in", "/events/{slug}/my", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, AGENDA + "?tz=event");
					String star = "main li.session:has(h3 " + session(site, "Four strategic focus areas") + ")"
							+ " form[action$='/star']:has(input[name=starred][value=true]) button";
					if (page.locator(star).count() > 0) {
						stay(page, star);
					}
					return page.navigate(site.url(EVENT + "/my"));
				}),
				new PageType("my-agenda-shared-signed-in", "/events/{slug}/my", false, (page, site) -> {
					page.navigate(site.url(AGENDA + "?tz=event"));
					stay(page, "main li.session:has(h3 " + session(site, "Twinning and TAIEX") + ") a[href*='/agenda?s=']");
					String shared = page.locator("main a[href*='/my?s=']").first().getAttribute("href");
					return signedIn(page, site, AccountTestSupport.OFFICER_GHENT, shared);
				}),
				new PageType("my-agenda-feed-created", "/events/{slug}/my", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, EVENT + "/my");
					return follow(page, "main form[action$='/my/feed'] button[type=submit]");
				}),
				new PageType("event-edit", "/events/{slug}/edit", true,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT + "/edit")),
				new PageType("event-edit-invalid", "/events/{slug}/edit", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT + "/edit");
					return submit(page, "main form", Map.of("#title", " ", "#timeZone", "Mars/Olympus_Mons", "#capacity", "0"));
				}),
				new PageType("event-staff", "/events/{slug}", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT)),
				new PageType("event-new", "/events/new", true,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_CEMR, "/events/new")),
				new PageType("event-new-invalid", "/events/new", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.ADMIN, "/events/new");
					return submit(page, "main form", Map.of("#title", " ", "#timeZone", "Mars/Olympus_Mons", "#latitude", "91",
							"#capacity", "0"));
				}),
				new PageType("room-list", "/events/{slug}/manage/{kind:rooms|tracks|speakers}", true,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT + "/manage/rooms")),
				new PageType("room-list-invalid", "/events/{slug}/manage/{kind:rooms|tracks|speakers}", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT + "/manage/rooms");
					return submit(page, "main form", Map.of("#name", "House of Municipalities", "#capacity", "0"));
				}),
				new PageType("room-edit", "/events/{slug}/manage/{kind:rooms|tracks|speakers}/{id}", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT + "/manage/rooms");
					return follow(page, HOUSE_LINK);
				}),
				new PageType("room-edit-refused", "/events/{slug}/manage/{kind:rooms|tracks|speakers}/{id}", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT + "/manage/rooms");
					follow(page, HOUSE_LINK);
					return clickAndWait(page, "main form[action$='/delete'] button[type=submit]");
				}),
				new PageType("track-list", "/events/{slug}/manage/{kind:rooms|tracks|speakers}", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT + "/manage/tracks")),
				new PageType("track-list-invalid", "/events/{slug}/manage/{kind:rooms|tracks|speakers}", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT + "/manage/tracks");
					return submit(page, "main form", Map.of("#name", " "));
				}),
				new PageType("track-edit", "/events/{slug}/manage/{kind:rooms|tracks|speakers}/{id}", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT + "/manage/tracks");
					return follow(page, TRACK_LINK);
				}),
				new PageType("speaker-list", "/events/{slug}/manage/{kind:rooms|tracks|speakers}", true,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT + "/manage/speakers")),
				new PageType("speaker-list-invalid", "/events/{slug}/manage/{kind:rooms|tracks|speakers}", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT + "/manage/speakers");
					page.setInputFiles("#photo", new com.microsoft.playwright.options.FilePayload("face.png", "image/png",
							"%PDF-1.7 not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
					return submit(page, "main form", Map.of("#name", "Example speaker (demo)", "#role", "Mayor"));
				}),
				new PageType("speaker-edit", "/events/{slug}/manage/{kind:rooms|tracks|speakers}/{id}", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT + "/manage/speakers");
					return follow(page, "main table a:has-text('Dusan Raicevic')");
				}),
				new PageType("speaker-edit-invalid", "/events/{slug}/manage/{kind:rooms|tracks|speakers}/{id}", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT + "/manage/speakers");
					follow(page, "main table a:has-text('Dusan Raicevic')");
					return submit(page, "main form:not([action$='/delete'])", Map.of("#name", " "));
				}),
				new PageType("event-signed-in", "/events/{slug}", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, EVENT)),
				new PageType("partners-suggestions", "/municipalities/{id}/partners", true,
						(page, site) -> page.navigate(site.url("/municipalities/" + site.municipalityId(DARKHAN) + "/partners"))),
				new PageType("partners-suggestions-filtered", "/municipalities/{id}/partners", false,
						(page, site) -> page.navigate(site.url("/municipalities/" + site.municipalityId(DARKHAN)
								+ "/partners?group=EU_MEMBER&group=CANDIDATE&theme=SMART_CITY&population_min=10000&seeking=1"))),
				new PageType("partners-suggestions-none", "/municipalities/{id}/partners", false,
						(page, site) -> page.navigate(site.url("/municipalities/" + site.municipalityId(DARKHAN)
								+ "/partners?country=BE&population_max=10"))),
				new PageType("partners-suggestions-invalid", "/municipalities/{id}/partners", false,
						(page, site) -> page.navigate(site.url("/municipalities/" + site.municipalityId(DARKHAN)
								+ "/partners?population_min=abc&page=-1&country=ZZ&theme=%3Cb%3E&group=nope"))),
				new PageType("partners-suggestions-officer", "/municipalities/{id}/partners", true, (page, site) -> {
					openRequest(page, site);
					page.context().clearCookies();
					return signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN,
							"/municipalities/" + site.municipalityId(DARKHAN) + "/partners");
				}),
				PageType.get("partners-how", "/partners/how", "/partners/how").onPhoneToo(),
				// Partner searches and the group check (issue 24).
				PageType.get("searches-list", "/partner-searches", "/partner-searches").onPhoneToo(),
				PageType.get("searches-list-filtered", "/partner-searches",
						"/partner-searches?theme=ENERGY_CLIMATE&group=PARTNER&instrument=cerv-networks-of-towns&open=1"),
				PageType.get("searches-list-nothing-matches", "/partner-searches", "/partner-searches?theme=HEALTH&group=OTHER&open=1"),
				new PageType("searches-detail", "/partner-searches/{id}", true, (page, site) -> {
					page.navigate(site.url("/partner-searches"));
					return follow(page, GHENT_SEARCH);
				}),
				new PageType("searches-detail-officer", "/partner-searches/{id}", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/partner-searches");
					return follow(page, GHENT_SEARCH);
				}),
				new PageType("searches-detail-interest-invalid", "/partner-searches/{id}", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/partner-searches");
					follow(page, GHENT_SEARCH);
					return submit(page, "form[action$='/interests']", Map.of("#message", " "));
				}),
				new PageType("searches-detail-author", "/partner-searches/{id}", true, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_GHENT, "/partner-searches");
					return follow(page, GHENT_SEARCH);
				}),
				new PageType("searches-new", "/partner-searches/new", true,
						(page, site) -> signedIn(page, site, AccountTestSupport.OFFICER_GHENT, "/partner-searches/new")),
				new PageType("searches-new-invalid", "/partner-searches/new", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_GHENT, "/partner-searches/new");
					return submit(page, "main form", Map.of("#title", " ", "#partnersNeeded", "many", "#languages", "!!"));
				}),
				new PageType("searches-edit", "/partner-searches/{id}/edit", true, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_GHENT, "/partner-searches");
					follow(page, GHENT_SEARCH);
					return follow(page, "main a[href$='/edit']");
				}),
				new PageType("searches-edit-invalid", "/partner-searches/{id}/edit", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_GHENT, "/partner-searches");
					follow(page, GHENT_SEARCH);
					follow(page, "main a[href$='/edit']");
					return submit(page, "main form", Map.of("#idea", " ", "#partnersNeeded", "0"));
				}),
				new PageType("searches-edit-stale", "/partner-searches/{id}/edit", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_GHENT, "/partner-searches");
					follow(page, GHENT_SEARCH);
					follow(page, "main a[href$='/edit']");
					// A form opened before a colleague's save: its version is behind; nothing is saved.
					page.evaluate("() => { document.querySelector('main form input[name=version]').value = '-1'; }");
					return submit(page, "main form", Map.of("#partnersNeeded", "4"));
				}),
				PageType.get("funding-group-empty", "/funding/group", "/funding/group?q=dar"),
				new PageType("funding-group-four", "/funding/group", true, (page, site) -> page.navigate(site.url("/funding/group?m="
						+ site.municipalityId(GHENT) + "&m=" + site.municipalityId(BONN) + "&m=" + site.municipalityId(NIS) + "&m="
						+ site.municipalityId(DARKHAN) + "&instrument=cerv-networks-of-towns"))),
				new PageType("requests-send", "/municipalities/{id}/requests/new", true, (page, site) -> signedIn(page, site,
						AccountTestSupport.OFFICER_DARKHAN, "/municipalities/" + site.municipalityId(GHENT)
								+ "/requests/new?themes=SMART_CITY&themes=WATER_SANITATION")),
				new PageType("requests-send-invalid", "/municipalities/{id}/requests/new", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN,
							"/municipalities/" + site.municipalityId(GHENT) + "/requests/new");
					page.check("input[name=proposedInstrument][value='" + FUNDING_EXAMPLE + "']");
					return submit(page, "main form", Map.of("#message", " "));
				}),
				new PageType("requests-detail", "/requests/{id}", true, PageCatalog::openRequest),
				new PageType("requests-detail-accepted", "/requests/{id}", true, PageCatalog::acceptedRequest),
				new PageType("agreement-detail-origin", "/agreements/{id}", true, (page, site) -> {
					acceptedRequest(page, site);
					return follow(page, "section[aria-labelledby=agreement-heading] a");
				}),
				new PageType("requests-inbox", "/requests", true, (page, site) -> {
					openRequest(page, site);
					page.context().clearCookies();
					return signedIn(page, site, OFFICER_NIS, "/requests");
				}),
				new PageType("requests-staff", "/requests", false, (page, site) -> {
					openRequest(page, site);
					page.context().clearCookies();
					return signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/requests");
				}),
				new PageType("notices", "/notices", true,
						(page, site) -> signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/notices")),
				new PageType("notices-settings", "/notices/settings", true,
						(page, site) -> signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/notices/settings")),
				new PageType("notices-settings-invalid", "/notices/settings", false, PageCatalog::submitInvalidNoticeSettings),
				new PageType("notices-settings-feed", "/notices/settings", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/notices/settings");
					// The form answers with a redirect back to the settings, which show the new address once.
					return page.waitForResponse(r -> r.request().isNavigationRequest() && r.status() == 200,
							() -> page.click("form[action='/notices/settings/feed'] button[type=submit]"));
				}),
				PageType.get("login", "/login", "/login").onPhoneToo(),
				PageType.get("login-failed", "/login", "/login?error="),
				PageType.get("login-paused", "/login", "/login?throttled=1893456000"),
				PageType.get("password-reset-request", "/password-reset", "/password-reset"),
				new PageType("password-reset", "/password-reset/{token}", false,
						(page, site) -> page.navigate(site.url(site.resetPath(AccountTestSupport.OFFICER_GHENT)))),
				new PageType("password-reset-invalid", "/password-reset/{token}", false, (page, site) -> {
					page.navigate(site.url(site.resetPath(AccountTestSupport.OFFICER_GHENT)));
					return submit(page, "main form", Map.of("#password", "short", "#confirmation", "short"));
				}),
				new PageType("invitation", "/invitations/{token}", true,
						(page, site) -> page.navigate(site.url(site.invitationPath()))),
				PageType.get("invitation-used", "/invitations/{token}", "/invitations/no-such-token"),
				PageType.get("signup", "/signup", "/signup?next=/events/" + BRUSSELS_FORUM).onPhoneToo(),
				new PageType("signup-invalid", "/signup", true, (page, site) -> {
					page.navigate(site.url("/signup"));
					return submit(page, "main form", Map.of("#email", "not an address", "#displayName", "Dana", "#password", "short",
							"#confirmation", "other"));
				}),
				PageType.get("signup-sent", "/signup/sent", "/signup/sent"),
				new PageType("signup-confirm", "/signup/confirm/{token}", true,
						(page, site) -> page.navigate(site.url(site.signUpPath()))),
				PageType.get("signup-confirm-used", "/signup/confirm/{token}", "/signup/confirm/no-such-token"),
				new PageType("account", "/account", true, (page, site) -> signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/account")),
				new PageType("account-invalid", "/account", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/account");
					return submit(page, "form[action='/account/password']",
							Map.of("#current", "not my password", "#password", "short", "#confirmation", "other"));
				}),
				new PageType("invite", "/account/invitations", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.ADMIN, "/account/invitations")),
				new PageType("invite-invalid", "/account/invitations", true, (page, site) -> {
					signedIn(page, site, AccountTestSupport.ADMIN, "/account/invitations");
					return submit(page, "main form", Map.of("#email", "not an address"));
				}),
				new PageType("invite-candidates", "/account/invitations", true, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/account/invitations");
					return submit(page, "main form", Map.of("#displayName", "Jelena", "#email", "jelena@sabac.example",
							"#municipality", "Saba"));
				}),
				new PageType("admin-accounts", "/admin/accounts", true,
						(page, site) -> signedIn(page, site, AccountTestSupport.ADMIN, "/admin/accounts")),
				new PageType("admin-outbox", "/admin/outbox", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.ADMIN, "/admin/outbox")),
				new PageType("audit", "/audit", false, (page, site) -> signedIn(page, site, AccountTestSupport.ADMIN, "/audit")),
				new PageType("profile-edit", "/municipalities/{id}/edit", true, (page, site) -> signedIn(page, site,
						AccountTestSupport.OFFICER_DARKHAN, "/municipalities/" + site.municipalityId(DARKHAN) + "/edit")),
				new PageType("profile-edit-invalid", "/municipalities/{id}/edit", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN,
							"/municipalities/" + site.municipalityId(DARKHAN) + "/edit");
					return submit(page, "main form", Map.of("#website", "not a link", "#workingLanguages", "Klingonish"));
				}),
				PageType.get("organisations", "/organisations", "/organisations"),
				new PageType("network-list-staff", "/organisations", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/organisations")),
				new PageType("network-detail", "/organisations/{id}", true,
						(page, site) -> page.navigate(site.url("/organisations/" + site.organisationId("ICLEI")))),
				new PageType("network-detail-staff", "/organisations/{id}", false, (page, site) -> signedIn(page, site,
						AccountTestSupport.STAFF_NALAS, "/organisations/" + site.organisationId("ICLEI"))),
				new PageType("network-detail-invitations", "/organisations/{id}", false, (page, site) -> signedIn(page, site,
						AccountTestSupport.STAFF_NALAS, "/organisations/" + site.organisationId("UCLG"))),
				new PageType("network-detail-member-unknown", "/organisations/{id}", true, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/organisations/" + site.organisationId("ICLEI"));
					page.fill("#municipality", "Zzqqxxville");
					return follow(page, "section[aria-labelledby='add-member-heading'] form button[type=submit]");
				}),
				new PageType("network-detail-member-candidates", "/organisations/{id}", false, (page, site) -> signedIn(page, site,
						AccountTestSupport.STAFF_NALAS, "/organisations/" + site.organisationId("ICLEI") + "?member=Da")),
				new PageType("network-new", "/organisations/new", true,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/organisations/new")),
				new PageType("network-new-invalid", "/organisations/new", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/organisations/new");
					return submit(page, "main form", Map.of("#name", " ", "#website", "ftp://nope"));
				}),
				new PageType("network-edit", "/organisations/{id}/edit", false, (page, site) -> signedIn(page, site,
						AccountTestSupport.STAFF_NALAS, "/organisations/" + site.organisationId("UCLG") + "/edit")),
				new PageType("network-edit-invalid", "/organisations/{id}/edit", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/organisations/" + site.organisationId("UCLG") + "/edit");
					return submit(page, "main form", Map.of("#name", " ", "#membershipNote", "x".repeat(1001)));
				}),
				new PageType("directory-network", "/municipalities", true, (page, site) -> page
					.navigate(site.url("/municipalities?network=" + site.organisationId("NALAS") + "&network=" + site.organisationId("AMLA")))),
				new PageType("organisation", "/organisations/{id}", false,
						(page, site) -> page.navigate(site.url("/organisations/" + site.organisationId("NALAS")))),
				new PageType("organisation-staff", "/organisations/{id}", true, (page, site) -> signedIn(page, site,
						AccountTestSupport.STAFF_NALAS, "/organisations/" + site.organisationId("NALAS"))),
				new PageType("organisation-new", "/admin/organisations/new", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.ADMIN, "/admin/organisations/new")),
				new PageType("organisation-new-invalid", "/admin/organisations/new", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.ADMIN, "/admin/organisations/new");
					return submit(page, "main form", Map.of("#name", " ", "#website", "ftp://nope"));
				}),
				new PageType("import", "/municipalities/import", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/municipalities/import")),
				new PageType("import-invalid", "/municipalities/import", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/municipalities/import");
					return submit(page, "main form", Map.of());
				}),
				new PageType("import-report", "/municipalities/imports/{id}", true, PageCatalog::importRefusedFile),
				new PageType("agreement-import", "/agreements/import", false,
						(page, site) -> signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/agreements/import")),
				new PageType("agreement-import-invalid", "/agreements/import", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/agreements/import");
					page.setInputFiles("#file", new com.microsoft.playwright.options.FilePayload("pairs.csv", "text/csv",
							"name,country\nGhent,Belgium\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
					return submit(page, "main form", Map.of());
				}),
				new PageType("agreement-import-invalid-source", "/agreements/import", true, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/agreements/import");
					page.setInputFiles("#file", new com.microsoft.playwright.options.FilePayload("pairs.csv", "text/csv",
							"city1,country1,lat1,lng1,city2,country2,lat2,lng2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
					page.check("input[name=list][value=OWN]");
					return submit(page, "main form", Map.of("#sourceUrl", "not a link"));
				}),
				new PageType("agreement-import-report", "/agreements/imports/{id}", true, PageCatalog::importPartnerships),
				new PageType("agreement-import-report-unmatched", "/agreements/imports/{id}", false, (page, site) -> {
					importPartnerships(page, site);
					return follow(page, "main .row-filter a[href*='outcome=UNMATCHED']");
				}),
				new PageType("agreement-import-review", "/agreements/import/review", false, (page, site) -> {
					site.ambiguousPartnershipRowId();
					return signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/agreements/import/review");
				}),
				new PageType("agreement-import-review-row", "/agreements/import/review/{id}", true, (page, site) -> signedIn(
						page, site, AccountTestSupport.STAFF_NALAS, "/agreements/import/review/" + site.ambiguousPartnershipRowId())),
				new PageType("agreement-import-review-row-invalid", "/agreements/import/review/{id}", false, (page, site) -> {
					signedIn(page, site, AccountTestSupport.STAFF_NALAS,
							"/agreements/import/review/" + site.ambiguousPartnershipRowId());
					return submit(page, "main form", Map.of());
				}),
				PageType.get("error-404", null, "/no-such-page").onPhoneToo(),
				new PageType("error-403", null, false, PageCatalog::postWithoutCsrfToken),
				PageType.get("error-400", null, FailingRoutes.BAD_REQUEST),
				PageType.get("error-500", null, FailingRoutes.SERVER_ERROR));
	}

	/** A few real partnerships of demo municipalities, so that map and statistics have lines and bars. */
	private static org.springframework.jdbc.core.simple.JdbcClient jdbc(PageType.Site site) {
		return ((BrowserSite) site).context().getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
	}

	/** The demo partnership (not ended) between the two demo municipalities (GeoNames ids). */
	static long agreementBetween(PageType.Site site, long a, long b) {
		long first = site.municipalityId(a);
		long second = site.municipalityId(b);
		return jdbc(site).sql("SELECT min(id) FROM agreements WHERE party_key = ARRAY[?, ?]::bigint[] AND status <> 'ENDED'")
			.params(Math.min(first, second), Math.max(first, second)).query(Long.class).single();
	}

	static Response withPartnerships(Page page, PageType.Site site, String path) {
		org.springframework.jdbc.core.simple.JdbcClient jdbc = ((BrowserSite) site).context()
			.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		long[][] pairs = { { BONN, ULAANBAATAR }, { ZEITZ, DARKHAN }, { KAPOSVAR, DARKHAN },
				{ SZEKESFEHERVAR, ERDENET }, { GHENT, NIS } };
		for (long[] pair : pairs) {
			jdbc.sql("INSERT INTO agreements (type, title, status, party_key, signed_on) SELECT 'SISTER_CITY',"
					+ " a.name || ' – ' || b.name, 'ACTIVE', ARRAY[a.id, b.id], DATE '2005-06-01'"
					+ " FROM municipalities a, municipalities b WHERE a.geonames_id = ? AND b.geonames_id = ?"
					+ " ON CONFLICT DO NOTHING")
				.params(pair[0], pair[1])
				.update();
		}
		return page.navigate(site.url(path));
	}

	/** Signs in through the portal's own form, then opens the page. */
	static Response signedIn(Page page, PageType.Site site, String email, String path) {
		signIn(page, site, email);
		return page.navigate(site.url(path));
	}

	/**
	 * Signs the tab's context in as the given account through the sign-in form's own POST (with the
	 * CSRF token the sign-in page carries), sent by the context's request client, which shares the
	 * tab's cookies: the session is the browser's, without rendering the sign-in page and the page
	 * after it in the tab. The sign-in page itself is checked as its own page type.
	 */
	/**
	 * A link to the demo forum's session of this (English) title, by its address: the link's text is
	 * the title in the page's language.
	 */
	static String session(PageType.Site site, String title) {
		return "a[href$='/sessions/" + site.sessionId(title) + "']";
	}

	static void signIn(Page page, PageType.Site site, String email) {
		com.microsoft.playwright.APIRequestContext request = page.context().request();
		com.microsoft.playwright.APIResponse form = request.get(site.url("/login"));
		com.microsoft.playwright.APIResponse signedIn = request.post(site.url("/login"),
				com.microsoft.playwright.options.RequestOptions.create()
					.setForm(com.microsoft.playwright.options.FormData.create()
						.set("username", email)
						.set("password", AccountTestSupport.PASSWORD)
						.set("_csrf", AccountTestSupport.csrfToken(form.text())))
					.setMaxRedirects(0));
		String location = signedIn.headers().getOrDefault("location", "");
		if (signedIn.status() != 302 || location.contains("error")) {
			throw new IllegalStateException("Signing in as " + email + " failed: " + signedIn.status() + " " + location);
		}
	}

	/** Opens a page, then follows the first link the selector finds there. */
	private static Response open(Page page, PageType.Site site, String path, String link) {
		page.navigate(site.url(path));
		return follow(page, link);
	}

	/** Clicks a link or a button and waits for the page it leads to (after any redirect). */
	static Response follow(Page page, String selector) {
		return page.waitForResponse(r -> r.request().isNavigationRequest() && r.status() == 200, () -> page.click(selector));
	}

	/** Clicks what the page answers in place (htmx): waits for the agenda it takes its main part from. */
	static Response stay(Page page, String selector) {
		return page.waitForResponse(r -> !r.request().isNavigationRequest() && r.url().contains("/agenda") && r.status() == 200,
				() -> page.click(selector));
	}

	private static Response clickAndWait(Page page, String selector) {
		return page.waitForResponse(r -> r.request().isNavigationRequest(), () -> page.click(selector));
	}

	private static Response submit(Page page, String form, Map<String, String> values) {
		values.forEach(page::fill);
		return page.waitForResponse(r -> r.request().isNavigationRequest(),
				() -> page.click(form + " button[type=submit]:not([name=refresh])"));
	}

	/**
	 * Signs in as Darkhan's officer and opens its pending request to Niš, sending it first if there
	 * is none yet (a pair has at most one pending request, so a second send only shows a message).
	 */
	private static Response openRequest(Page page, PageType.Site site) {
		signIn(page, site, AccountTestSupport.OFFICER_DARKHAN);
		sendRequest(page, site, NIS, Map.of("themes", "SMART_CITY", "proposedInstrument", "taiex",
				"message", "Dear colleagues in Niš, shall we share what we learn on smart-city services?"));
		page.navigate(site.url("/requests"));
		return page.waitForResponse(r -> r.request().isNavigationRequest(), () -> page.click("main table a"));
	}

	/**
	 * Sends a partnership request as the signed-in officer through the form's own POST (the form page
	 * and the page after it are checked as page types of their own; rendering them in the tab again
	 * for every case that needs a request cost the gate seconds a case). A request the pair already
	 * has pending is refused by the portal and the case goes on with that one.
	 */
	private static void sendRequest(Page page, PageType.Site site, long toGeonamesId, Map<String, String> fields) {
		String path = "/municipalities/" + site.municipalityId(toGeonamesId) + "/requests/new";
		com.microsoft.playwright.APIRequestContext request = page.context().request();
		com.microsoft.playwright.APIResponse form = request.get(site.url(path));
		com.microsoft.playwright.options.FormData data = com.microsoft.playwright.options.FormData.create()
			.set("_csrf", AccountTestSupport.csrfToken(form.text()));
		fields.forEach(data::set);
		com.microsoft.playwright.APIResponse sent = request.post(site.url(path),
				com.microsoft.playwright.options.RequestOptions.create().setForm(data).setMaxRedirects(0));
		if (sent.status() != 302 && sent.status() != 200) {
			throw new IllegalStateException("Sending a request to " + path + " failed: " + sent.status());
		}
	}

	/**
	 * Ghent's officer sends Niš a request and Niš's officer accepts it: the request's page then
	 * links to the draft agreement accepting opened (or to the one the pair already had).
	 */
	static Response acceptedRequest(Page page, PageType.Site site) {
		signIn(page, site, AccountTestSupport.OFFICER_GHENT);
		sendRequest(page, site, NIS, Map.of("themes", "MOBILITY", "message", "Ghent and Niš could share their work on city mobility."));
		page.context().clearCookies();
		signedIn(page, site, OFFICER_NIS, "/requests");
		follow(page, "main table a:text-is('Ghent'), main table a:text-is('Гент')");
		if (page.locator("main form[action$='/accept']").count() > 0) {
			return follow(page, "main form[action$='/accept'] button");
		}
		return page.navigate(page.url());
	}

	/** Uploads a file whose one row names no country: refused, nothing changed, a report to read. */
	private static Response importRefusedFile(Page page, PageType.Site site) {
		signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/municipalities/import");
		page.setInputFiles("#file", new com.microsoft.playwright.options.FilePayload("places.csv", "text/csv",
				("geonameid,name,alternate_names,country_code,admin1_code,feature_code,population,latitude,longitude\n"
						+ "990000201,Nowhere,,QQ,01,PPL,10,10.0,10.0\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		page.waitForResponse(r -> r.request().isNavigationRequest() && r.status() == 200,
				() -> page.click("main form button[type=submit]"));
		waitForImport(page);
		return page.navigate(page.url());
	}

	private static final java.util.regex.Pattern IMPORT_RUNNING = java.util.regex.Pattern
		.compile("id=\"import-progress\"[^>]*data-hx-get");

	/**
	 * Waits until the import the page shows has finished, asking the server for the page every tenth
	 * of a second (through the tab's request client, nothing rendered) rather than waiting for the
	 * page's own refresh every two seconds: the case's page is the report after it.
	 */
	private static void waitForImport(Page page) {
		for (int i = 0; i < 600; i++) {
			if (!IMPORT_RUNNING.matcher(page.context().request().get(page.url()).text()).find()) {
				return;
			}
			page.waitForTimeout(100);
		}
		throw new IllegalStateException("The import at " + page.url() + " did not finish in a minute");
	}

	/** Uploads a small list: one pair matched, one side unknown; the report by reason and country. */
	private static Response importPartnerships(Page page, PageType.Site site) {
		signedIn(page, site, AccountTestSupport.STAFF_NALAS, "/agreements/import");
		page.setInputFiles("#file", new com.microsoft.playwright.options.FilePayload("pairs.csv", "text/csv",
				("city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
						+ "Zeitz,Germany,51.05,12.14,Darkhan,Mongolia,49.48,105.92\n"
						+ "Atlantis,Atlantis,0,0,Darkhan,Mongolia,49.48,105.92\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		page.check("input[name=list][value=WIKIPEDIA]");
		page.waitForResponse(r -> r.request().isNavigationRequest() && r.status() == 200,
				() -> page.click("main form button[type=submit]"));
		waitForImport(page);
		return page.navigate(page.url());
	}

	/** The notice settings sent with a choice that is none of the three (as a crafted form would): the message next to it. */
	private static Response submitInvalidNoticeSettings(Page page, PageType.Site site) {
		signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, "/notices/settings");
		page.evaluate("() => { const r = document.querySelector('input[name=SESSION_CANCELLED][value=OFF]'); r.value = 'LOUDLY'; r.checked = true; }");
		return page.waitForResponse(r -> r.request().isNavigationRequest(),
				() -> page.click("form[action='/notices/settings'] button[type=submit]"));
	}

	private static Response submitInvalidBarrierReport(Page page, PageType.Site site) {
		page.navigate(site.url("/accessibility"));
		page.fill("#description", "short");
		page.fill("#email", "not-an-email");
		return page.waitForResponse(r -> r.request().isNavigationRequest(),
				() -> page.click("#report button[type=submit]"));
	}

	private static Response submitBarrierReport(Page page, PageType.Site site) {
		page.navigate(site.url("/accessibility"));
		// Written in the language of the page it is sent from, as the portal records it.
		page.fill("#description", switch (String.valueOf(page.evaluate("document.documentElement.lang"))) {
			case "mn" -> "Газрын зурагт түнш хотуудын жагсаалтын текст хувилбар алга.";
			case "fr" -> "La carte n’a pas d’équivalent textuel pour la liste des partenaires.";
			default -> "The map has no text alternative for the partner list.";
		});
		return page.waitForResponse(r -> r.request().isNavigationRequest() && r.status() == 200,
				() -> page.click("#report button[type=submit]"));
	}

	/** A form from elsewhere that posts without the portal's CSRF token: the 403 page. */
	private static Response postWithoutCsrfToken(Page page, PageType.Site site) {
		page.navigate(site.url("/privacy"));
		page.evaluate("action => { const f = document.createElement('form'); f.method = 'post'; f.action = action;"
				+ " document.body.append(f); window.forged = f; }", site.url("/municipalities"));
		return page.waitForResponse(r -> r.request().isNavigationRequest(),
				() -> page.evaluate("() => window.forged.submit()"));
	}
}
