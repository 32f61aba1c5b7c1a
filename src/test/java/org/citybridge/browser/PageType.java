package org.citybridge.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

/**
 * A kind of page a visitor can meet, in one state (a directory with results, a form with errors):
 * the GET route it belongs to, and how a browser reaches it.
 *
 * @param name short name, used for screenshots and test names
 * @param route the request mapping this page covers, or {@code null} for error pages
 * @param phone whether the page is a key page, also checked at phone width
 * @param visit brings the page into its state and returns the server's last response
 */
record PageType(String name, String route, boolean phone, Visit visit) {

	interface Visit {

		Response open(Page page, Site site);
	}

	/** The portal under test: where it runs and the ids of its test data. */
	interface Site {

		String url(String path);

		long municipalityId(long geonamesId);

		/** A live invitation link for a new officer of Darkhan. */
		String invitationPath();

		/** The id of the organisation with this short name. */
		long organisationId(String shortName);

		/** A live password reset link for the given account. */
		String resetPath(String email);

		/** The id of the Brussels forum's session with this title (its original, English one). */
		long sessionId(String title);

		/** A live sign-up confirmation link of a new delegate account. */
		String signUpPath();

		/** A delegate account (created once) that starred a session of the demo forum. */
		String delegateEmail();

		/** The id of an imported partnership row that waits in the review list. */
		long ambiguousPartnershipRowId();

		/**
		 * Opens a page while the world's load (issue 22) is half-way through the places, as a first
		 * start with demo data shows it, and puts the database back afterwards.
		 */
		Response whileWorldLoads(java.util.function.Supplier<Response> visit);
	}

	static PageType get(String name, String route, String path) {
		return new PageType(name, route, false, (page, site) -> page.navigate(site.url(path)));
	}

	PageType onPhoneToo() {
		return new PageType(this.name, this.route, true, this.visit);
	}

	@Override
	public String toString() {
		return this.name;
	}
}
