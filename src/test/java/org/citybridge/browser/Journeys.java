package org.citybridge.browser;

import java.net.URI;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

/** What the journey tests do at every step: click and wait for the page it leads to, and read where they are. */
final class Journeys {

	private Journeys() {
	}

	/** Clicks a link or a button and waits for the page it leads to (after any redirect), loaded. */
	static Response follow(Page page, String selector) {
		Response response = page.waitForResponse(r -> r.request().isNavigationRequest() && r.status() == 200,
				() -> page.click(selector));
		page.waitForLoadState();
		return response;
	}

	/** The path of the page shown. */
	static String path(Page page) {
		return URI.create(page.url()).getPath();
	}
}
