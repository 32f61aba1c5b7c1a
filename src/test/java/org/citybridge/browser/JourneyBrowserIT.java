package org.citybridge.browser;

import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One journey, done as two kinds of visitor do it: with the keyboard alone (skip link, search a
 * city, open its profile, switch language), watching focus stay visible and move forward; and
 * with JavaScript turned off.
 */
@BrowserTest
class JourneyBrowserIT {

	static final String FOCUSED = """
			() => {
			  const e = document.activeElement;
			  const s = getComputedStyle(e);
			  const r = e.getBoundingClientRect();
			  return {
			    id: e.id || '', tag: e.tagName, text: (e.textContent || '').trim().slice(0, 60),
			    hreflang: e.getAttribute('hreflang') || '',
			    outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
			    visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight
			  };
			}
			""";

	/** Whether the element focused now comes after the one marked earlier, in document order. */
	static final String FOCUS_MOVED_FORWARD = """
			() => {
			  const previous = window.__previousFocus;
			  const current = document.activeElement;
			  window.__previousFocus = current;
			  return !previous || !!(previous.compareDocumentPosition(current) & Node.DOCUMENT_POSITION_FOLLOWING);
			}
			""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	BrowserSite site;

	@BeforeEach
	void site() {
		AccountTestSupport.loadDemoData(this.context);
		this.site = new BrowserSite(this.port, this.context);
	}

	@Test
	void searchOpenAProfileAndSwitchLanguageWithTheKeyboardAlone() {
		try (BrowserContext context = Chromium.desktop("en")) {
			Page page = context.newPage();
			page.navigate(this.site.url("/"));

			page.keyboard().press("Tab");
			Map<String, Object> skip = focused(page);
			assertThat(skip.get("text")).isEqualTo("Skip to main content");
			assertVisibleFocus(skip);
			page.keyboard().press("Enter");
			assertThat(focused(page).get("id")).isEqualTo("main");

			page.keyboard().press("Tab");
			Map<String, Object> search = focused(page);
			assertThat(search.get("id")).isEqualTo("home-q");
			assertVisibleFocus(search);
			page.keyboard().type("Darkhan");
			page.keyboard().press("Enter");
			page.waitForURL("**/municipalities?q=Darkhan");

			tabUntil(page, "Darkhan", "");
			page.keyboard().press("Enter");
			page.waitForURL("**/municipalities/*");
			assertThat(page.textContent("h1")).contains("Darkhan").contains("Дархан");
			String profile = page.url();

			tabUntil(page, null, "mn");
			page.keyboard().press("Enter");
			page.waitForURL("**lang=mn");
			assertThat(page.getAttribute("html", "lang")).isEqualTo("mn");
			assertThat(page.url()).startsWith(profile);
			assertThat(page.textContent("main")).contains("Дархан", "Улс");
		}
	}

	@Test
	void theSameJourneyWorksWithoutJavaScript() {
		try (BrowserContext context = Chromium.context("en", Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT, false)) {
			Page page = context.newPage();
			page.navigate(this.site.url("/"));
			assertThat(page.evaluate("() => typeof window.htmx")).as("the page's scripts did not run").isEqualTo("undefined");
			page.focus(".skip-link");
			page.keyboard().press("Enter");
			assertThat(page.url()).endsWith("#main");
			page.fill("#home-q", "Darkhan");
			page.press("#home-q", "Enter");
			page.waitForURL("**/municipalities?q=Darkhan");
			page.click("table.results a:text-is('Darkhan')");
			page.waitForURL("**/municipalities/*");
			assertThat(page.textContent("h1")).contains("Darkhan");
			page.click("a[hreflang=mn]");
			page.waitForURL("**lang=mn");
			assertThat(page.getAttribute("html", "lang")).isEqualTo("mn");
			assertThat(page.textContent("h1")).contains("Дархан");
		}
	}

	/** Presses Tab until the focused element has the text or hreflang, checking each step. */
	private static void tabUntil(Page page, String text, String hreflang) {
		page.evaluate("() => { window.__previousFocus = null; }");
		for (int i = 0; i < 40; i++) {
			page.keyboard().press("Tab");
			Map<String, Object> focus = focused(page);
			assertVisibleFocus(focus);
			assertThat((Boolean) page.evaluate(FOCUS_MOVED_FORWARD)).as("focus moves forward, now at %s", focus).isTrue();
			if ((text != null && text.equals(focus.get("text"))) || (!hreflang.isEmpty() && hreflang.equals(focus.get("hreflang")))) {
				return;
			}
		}
		throw new AssertionError("Never reached " + (text != null ? text : "hreflang=" + hreflang) + " with Tab");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> focused(Page page) {
		return (Map<String, Object>) page.evaluate(FOCUSED);
	}

	private static void assertVisibleFocus(Map<String, Object> focus) {
		assertThat(focus.get("visible")).as("focused element on screen: %s", focus).isEqualTo(true);
		assertThat(focus.get("outline")).as("focus outline of %s", focus).isNotEqualTo("none");
		assertThat(((Number) focus.get("outlineWidth")).doubleValue()).as("focus outline width of %s", focus)
			.isGreaterThanOrEqualTo(2.0);
	}
}
