package org.citybridge.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
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
 * Every page type, in English, Mongolian and French, in real Chromium: no axe violation (WCAG
 * 2.0/2.1 A and AA), valid HTML, the right {@code lang}, and for the key pages, at phone width, no
 * sideways scrolling or overlapping controls. Screenshots go to {@code target/screenshots/}: of the
 * pages the README shows, and of every page with {@code -Dcitybridge.screenshots=all}.
 *
 * <p>
 * Where the time goes is measured ({@link GateTimings}, {@code target/page-gate-timings.tsv}), and
 * the gate is shaped by it: each test thread keeps one browser context and tab per language, reused
 * case after case with its cookies cleared (a fresh context costs a new renderer process and a cold
 * cache); the demo data is loaded once; a key page is checked at phone width by resizing the page
 * it has already reached, not by reaching it again.
 */
@BrowserTest
class PagesBrowserIT {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static final List<String> LANGUAGES = List.of("en", "mn", "fr");

	/** The page types whose screenshots the README shows; the others only on request. */
	static final java.util.Set<String> README_PAGES = java.util.Set.of("home", "directory", "profile", "agreement-map",
			"agenda-two-zones");

	/** Whether this run of the class has loaded the demo data yet (other classes may run before it). */
	private static boolean demoDataLoaded;

	/** Per test thread: one tab per language, in a context of its own, reused case after case. */
	private static final ThreadLocal<Map<String, Page>> TABS = ThreadLocal.withInitial(HashMap::new);

	/**
	 * Screenshots only on request: {@code -Dcitybridge.screenshots=readme} for the pages the README
	 * shows (copied to docs/screenshots by hand), {@code all} for every page.
	 */
	static boolean screenshot(PageType type) {
		String wanted = System.getProperty("citybridge.screenshots", "");
		return "all".equals(wanted) || ("readme".equals(wanted) && README_PAGES.contains(type.name()));
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	BrowserSite site;

	@BeforeAll
	static void newRun() {
		synchronized (PagesBrowserIT.class) {
			demoDataLoaded = false;
		}
	}

	@BeforeEach
	void site(TestInfo info) {
		synchronized (PagesBrowserIT.class) {
			if (!demoDataLoaded) {
				GateTimings.step(info.getDisplayName(), "demo-data", this::loadDemoData);
				demoDataLoaded = true;
			}
		}
		this.site = new BrowserSite(this.port, this.context);
	}

	/** Text in another language than the page's, unmarked, per case: written to target/foreign-text.tsv. */
	private static final java.util.Queue<String> FOREIGN = new java.util.concurrent.ConcurrentLinkedQueue<>();

	/**
	 * Whether unmarked text in another language fails a case ({@code -Dcitybridge.foreign=fail}) or
	 * is only listed in {@code target/foreign-text.tsv} (the default while the content is being
	 * translated; see docs/accessibility.md).
	 */
	static boolean foreignTextFails() {
		return !"report".equals(System.getProperty("citybridge.foreign", "fail"));
	}

	@AfterAll
	static void report() throws java.io.IOException {
		GateTimings.write();
		java.nio.file.Files.createDirectories(Path.of("target"));
		java.nio.file.Files.write(Path.of("target/foreign-text.tsv"), FOREIGN.stream().sorted().toList());
	}

	private void loadDemoData() {
		AccountTestSupport.loadDemoData(this.context);
		this.context.getBean(org.citybridge.event.EventDemoData.class).load();
		this.context.getBean(org.citybridge.event.MeetingDemoData.class).load();
		// In DemoDataRunner's order: the learning examples link an agreement, so agreements come first.
		this.context.getBean(org.citybridge.agreement.AgreementDemoData.class).load();
		this.context.getBean(org.citybridge.learning.LearningDemoData.class).load();
		this.context.getBean(org.citybridge.funding.FundingDemoData.class).load();
		this.context.getBean(org.citybridge.matchmaking.PartnerSearchDemoData.class).load();
	}

	/**
	 * This thread's tab for the language, at desktop width, as a new visitor would open it: no
	 * cookies (so signed out, no language chosen), whatever the previous case did.
	 */
	static Page tab(String language) {
		Page page = TABS.get().computeIfAbsent(language, l -> Chromium.desktop(l).newPage());
		page.context().clearCookies();
		com.microsoft.playwright.options.ViewportSize size = page.viewportSize();
		if (size == null || size.width != Chromium.DESKTOP_WIDTH || size.height != Chromium.DESKTOP_HEIGHT) {
			// Only after a phone check narrowed it: setting the same size again still lays the page out.
			page.setViewportSize(Chromium.DESKTOP_WIDTH, Chromium.DESKTOP_HEIGHT);
		}
		return page;
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

	/**
	 * Types that are pages of their own although an earlier type has their route: another template
	 * or another reader behind the same address (each role's home, a city's suggestions beside a
	 * region's partners, the rooms', tracks' and speakers' lists and forms, an organisation that is
	 * not a network).
	 */
	static final java.util.Set<String> PAGES_SHARING_A_ROUTE = java.util.Set.of("home-staff", "home-delegate",
			"home-admin", "partners-suggestions", "track-list", "speaker-list", "track-edit", "speaker-edit",
			"organisation", "agenda-timetable");

	/**
	 * The cases: each page (the first type the catalogue lists for a route, and each error page) in
	 * all three languages; each further state of the same page (its form refused, a filter matching
	 * nothing, signed in as someone else) in one language, the one in which it gets every axe rule,
	 * which turns with the type so that each language has a third of the states. A state shows the
	 * page's template with different data, which the page's own three cases check in every language;
	 * what a state adds in words (an error message) is held to the same keys, with none blank, in
	 * all three bundles by {@code MessageBundlesTest}. Every state in every language doubled the
	 * gate's time and put the suite over its 15 minutes (2026-12-07); {@code -Dcitybridge.languages=all}
	 * runs it so.
	 */
	static Stream<Arguments> pagesInEveryLanguage() {
		boolean everyState = "all".equals(System.getProperty("citybridge.languages", ""));
		java.util.Set<String> routesSeen = new java.util.HashSet<>();
		java.util.Set<String> pages = new java.util.HashSet<>();
		for (PageType type : PageCatalog.all()) {
			if (type.route() == null || routesSeen.add(type.route()) || PAGES_SHARING_A_ROUTE.contains(type.name())) {
				pages.add(type.name());
			}
		}
		return selected().flatMap(type -> LANGUAGES.stream()
			.filter(language -> everyState || pages.contains(type.name()) || axeRun(type, language) == AxeRun.EVERY)
			.map(language -> Arguments.of(type, language)));
	}

	/** Which of axe's rules a case runs. */
	enum AxeRun {
		/** Every WCAG 2.0/2.1 A and AA rule. */
		EVERY,
		/** The rules whose outcome depends on the page's language ({@link PageChecks#LANGUAGE_RULES}). */
		LANGUAGE,
		/** None: the case's other checks (Nu, lang, language of parts, phone, leaks) still run. */
		NONE
	}

	/**
	 * Which axe rules this case runs: each page type gets every rule in one of the three languages
	 * (which one turns with the type, so that each language has every rule on a third of the pages)
	 * and no axe run in the other two, whose text the Nu checker (which also refuses a {@code lang}
	 * value that is not a language tag), the lang check, the missing-message check and the
	 * language-of-parts crawl still read. Colour contrast and structure come from the templates and
	 * the style sheet, the same in all three; every rule in every language doubled the gate's time for
	 * no finding of its own. The language-dependent rules ({@link PageChecks#LANGUAGE_RULES}: names of
	 * links, buttons and fields from the messages) ran in a second language until 2026-12-07 (a fifth
	 * of the gate's axe time, no finding of their own since they were split off); a blank message,
	 * what they would find, is refused by {@code MessageBundlesTest}. {@code -Dcitybridge.axe=all}
	 * runs every rule in every language, {@code -Dcitybridge.axe=language} the language rules in the
	 * second language as before.
	 */
	static AxeRun axeRun(PageType type, String language) {
		String wanted = System.getProperty("citybridge.axe", "");
		if ("all".equals(wanted)) {
			return AxeRun.EVERY;
		}
		int first = Math.floorMod(type.name().hashCode(), LANGUAGES.size());
		int offset = Math.floorMod(LANGUAGES.indexOf(language) - first, LANGUAGES.size());
		if (offset == 0) {
			return AxeRun.EVERY;
		}
		return offset == 1 && "language".equals(wanted) ? AxeRun.LANGUAGE : AxeRun.NONE;
	}

	@ParameterizedTest(name = "{0} in {1}", allowZeroInvocations = true)
	@Execution(ExecutionMode.CONCURRENT)
	@MethodSource("pagesInEveryLanguage")
	void passesAxeAndTheHtmlCheckerCarriesItsLanguageAndFitsAPhone(PageType type, String language) {
		String kase = type + " " + language;
		Page page = GateTimings.step(kase, "tab", () -> tab(language));
		Response response = GateTimings.step(kase, "visit", () -> type.visit().open(page, this.site));
		String source = GateTimings.step(kase, "source", () -> response.text());

		List<String> problems = new ArrayList<>();
		AxeRun axe = axeRun(type, language);
		if (axe != AxeRun.NONE) {
			boolean everyRule = axe == AxeRun.EVERY;
			problems.addAll(GateTimings.step(kase, everyRule ? "axe" : "axe-language", () -> PageChecks.accessibility(page, everyRule))
				.stream()
				.map(p -> "axe: " + p)
				.toList());
		}
		problems.addAll(GateTimings.step(kase, "nu", () -> PageChecks.html(source)).stream().map(p -> "html: " + p).toList());
		assertThat(problems).as("%s in %s", type, language).isEmpty();
		assertThat(page.getAttribute("html", "lang")).as("lang of %s in %s", type, language).isEqualTo(language);
		assertThat(PageChecks.leaks(source)).as("what %s in %s shows of an error", type, language).isEmpty();
		assertThat(PageChecks.missingMessages(source)).as("message keys shown as such on %s in %s", type, language)
			.isEmpty();
		List<String> foreign = GateTimings.step(kase, "foreign-text", () -> PageChecks.foreignText(page, language));
		foreign.forEach(f -> FOREIGN.add(type + "\t" + language + "\t" + f));
		if (foreignTextFails()) {
			assertThat(foreign).as("text on %s in %s that is not in %s and not marked with its own lang", type, language,
					language).isEmpty();
		}
		if (screenshot(type)) {
			GateTimings.step(kase, "screenshot", () -> page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(SCREENSHOTS.resolve(type.name() + "-" + language + "-desktop.png"))));
		}

		if (type.phone()) {
			// The portal's layout depends on CSS media queries only (no script reads the width),
			// so the page reached at desktop width and narrowed is the page a phone gets.
			GateTimings.step(kase, "phone-check", () -> {
				page.setViewportSize(Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
				if (screenshot(type)) {
					page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
						.setPath(SCREENSHOTS.resolve(type.name() + "-" + language + "-phone.png")));
				}
				assertThat(PageChecks.phoneLayout(page)).as("%s in %s at %d px", type, language, Chromium.PHONE_WIDTH)
					.isEmpty();
			});
		}
	}
}
