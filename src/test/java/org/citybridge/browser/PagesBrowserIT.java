package org.citybridge.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page type, in English and Mongolian, in real Chromium: no axe violation (WCAG 2.0/2.1 A
 * and AA), valid HTML, the right {@code lang}, and at phone width no sideways scrolling or
 * overlapping controls. Screenshots go to {@code target/screenshots/}: of the pages the README shows,
 * and of every page with {@code -Dcitybridge.screenshots=all} (a full-page screenshot of each of
 * some 400 page states costs minutes of the build).
 */
@BrowserTest
class PagesBrowserIT {

	/** The demo data is loaded by one case at a time (the loaders add what is missing). */
	private static final Object DEMO_DATA = new Object();

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	/** The page types whose screenshots the README shows; the others only on request. */
	static final java.util.Set<String> README_PAGES = java.util.Set.of("home", "directory", "profile", "agreement-map",
			"agenda-two-zones");

	static boolean screenshot(PageType type) {
		return README_PAGES.contains(type.name()) || "all".equals(System.getProperty("citybridge.screenshots"));
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	BrowserSite site;

	@BeforeEach
	void site() {
		synchronized (DEMO_DATA) {
			AccountTestSupport.loadDemoData(this.context);
			this.context.getBean(org.citybridge.event.EventDemoData.class).load();
			// In DemoDataRunner's order: the learning examples link an agreement, so agreements come first.
			this.context.getBean(org.citybridge.agreement.AgreementDemoData.class).load();
			this.context.getBean(org.citybridge.learning.LearningDemoData.class).load();
			this.context.getBean(org.citybridge.funding.FundingDemoData.class).load();
		}
		this.site = new BrowserSite(this.port, this.context);
	}

	/**
	 * The catalogue, or only the page types whose name starts with one of the comma-separated
	 * prefixes in {@code -Dcitybridge.pages=agreement,funding} (for checking one feature while
	 * working on it; {@code mvn verify} without it checks every page).
	 */
	static Stream<PageType> selected() {
		String prefixes = System.getProperty("citybridge.pages", "").strip();
		if (prefixes.isEmpty()) {
			return PageCatalog.all().stream();
		}
		List<String> wanted = List.of(prefixes.split(","));
		return PageCatalog.all().stream().filter(type -> wanted.stream().anyMatch(w -> type.name().startsWith(w.strip())));
	}

	static Stream<Arguments> pagesInBothScripts() {
		return selected().flatMap(type -> Stream.of(Arguments.of(type, "en"), Arguments.of(type, "mn")));
	}

	static Stream<PageType> keyPages() {
		return selected().filter(PageType::phone);
	}

	@ParameterizedTest(name = "{0} in {1}", allowZeroInvocations = true)
	@Execution(ExecutionMode.CONCURRENT)
	@MethodSource("pagesInBothScripts")
	void passesAxeAndTheHtmlCheckerAndCarriesItsLanguage(PageType type, String language) {
		try (BrowserContext context = Chromium.desktop(language)) {
			Page page = context.newPage();
			Response response = type.visit().open(page, this.site);
			String source = response.text();

			List<String> problems = new ArrayList<>();
			problems.addAll(PageChecks.accessibility(page).stream().map(p -> "axe: " + p).toList());
			problems.addAll(PageChecks.html(source).stream().map(p -> "html: " + p).toList());
			assertThat(problems).as("%s in %s", type, language).isEmpty();
			assertThat(page.getAttribute("html", "lang")).isEqualTo(language);
			assertThat(source).doesNotContain("Exception", "Deliberate failure");

			if (screenshot(type)) {
				page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
					.setPath(SCREENSHOTS.resolve(type.name() + "-" + language + "-desktop.png")));
			}
		}
	}

	@ParameterizedTest(name = "{0} at 360 px", allowZeroInvocations = true)
	@Execution(ExecutionMode.CONCURRENT)
	@MethodSource("keyPages")
	void fitsAPhoneScreenWithoutSidewaysScrollingOrOverlappingControls(PageType type) {
		for (String language : List.of("en", "mn")) {
			try (BrowserContext context = Chromium.phone(language)) {
				Page page = context.newPage();
				type.visit().open(page, this.site);
				if (screenshot(type)) {
					page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
						.setPath(SCREENSHOTS.resolve(type.name() + "-" + language + "-phone.png")));
				}
				assertThat(PageChecks.phoneLayout(page)).as("%s in %s at 360 px", type, language).isEmpty();
			}
		}
	}
}
