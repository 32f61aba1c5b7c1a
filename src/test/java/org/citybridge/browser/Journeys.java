package org.citybridge.browser;

import java.net.URI;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import org.citybridge.account.AccountTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** What the journey tests do at every step: click and wait for the page it leads to, and read where they are. */
final class Journeys {

	private Journeys() {
	}

	/** Clicks a link or a button and waits for the page it leads to (after any redirect), loaded. */
	/**
	 * The list item of {@code page}'s main whose label reads exactly {@code text}: the label's words
	 * may be marked up one by one (each party's name of an agreement's title with its language).
	 */
	static com.microsoft.playwright.Locator itemLabelled(Page page, String text) {
		return page.locator("main li").filter(new com.microsoft.playwright.Locator.FilterOptions()
			.setHas(page.locator("label", new Page.LocatorOptions()
				// escaped by hand: the pattern runs as a JavaScript one, which knows no \\Q…\\E
				.setHasText(java.util.regex.Pattern.compile("^" + text.replaceAll("[.*+?^${}()|\\[\\]\\\\/]", "\\\\$0") + "$")))));
	}

	/** Follows the link {@code link} finds, as {@link #follow(Page, String)} does. */
	static Response follow(Page page, com.microsoft.playwright.Locator link) {
		Response response = page.waitForResponse(r -> r.request().isNavigationRequest() && r.status() == 200, link::click);
		page.waitForLoadState();
		return response;
	}

	static Response follow(Page page, String selector) {
		Response response = page.waitForResponse(r -> r.request().isNavigationRequest() && r.status() == 200,
				() -> page.click(selector));
		page.waitForLoadState();
		return response;
	}

	/**
	 * Signs in through the form as a person does: from the header's "Sign in" link of the page shown
	 * (or of the home page when {@code fromHeader} is false, after opening it), with the demo password.
	 */
	static void signIn(Page page, BrowserSite site, String email, boolean fromHeader) {
		if (!fromHeader) {
			page.navigate(site.url("/"));
		}
		follow(page, ".account-nav a[href='/login']");
		page.fill("#username", email);
		page.fill("#password", AccountTestSupport.PASSWORD);
		follow(page, "main form button[type=submit]");
		assertThat(page.locator(".sign-out").count()).as("signed in as %s", email).isOne();
	}

	/** Signs out with the header's button; the header offers "Sign in" again. */
	static void signOut(Page page) {
		follow(page, ".sign-out button");
		assertThat(page.locator(".account-nav a[href='/login']").count()).as("signed out").isOne();
	}

	/** The path of the page shown. */
	static String path(Page page) {
		return URI.create(page.url()).getPath();
	}
}
