package org.citybridge.browser;

import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

/**
 * Every page type of the portal, each in the states a visitor meets. A new GET route without an
 * entry here fails {@code RouteCoverageBrowserIT}: add its page (and its forms' empty and invalid
 * states) to this list.
 */
final class PageCatalog {

	/** GeoNames id of Darkhan, a demo municipality with a native name, themes and a GeoNames spelling. */
	static final long DARKHAN = 2031964;

	private PageCatalog() {
	}

	static List<PageType> all() {
		return List.of(
				PageType.get("home", "/", "/").onPhoneToo(),
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
				PageType.get("accessibility", "/accessibility", "/accessibility").onPhoneToo(),
				new PageType("accessibility-invalid", "/accessibility", true, PageCatalog::submitInvalidBarrierReport),
				new PageType("accessibility-sent", "/accessibility", false, PageCatalog::submitBarrierReport),
				PageType.get("privacy", "/privacy", "/privacy"),
				PageType.get("agreements-coming", "/agreements", "/agreements"),
				PageType.get("funding-coming", "/funding", "/funding"),
				PageType.get("events-coming", "/events", "/events"),
				PageType.get("learn-coming", "/learn", "/learn"),
				PageType.get("error-404", null, "/no-such-page").onPhoneToo(),
				new PageType("error-403", null, false, PageCatalog::postWithoutCsrfToken),
				PageType.get("error-400", null, FailingRoutes.BAD_REQUEST),
				PageType.get("error-500", null, FailingRoutes.SERVER_ERROR));
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
		page.fill("#description", "The map has no text alternative for the partner list.");
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
