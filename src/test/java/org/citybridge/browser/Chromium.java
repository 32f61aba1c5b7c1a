package org.citybridge.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * One headless Debian Chromium per test thread for the whole test run (Playwright's objects are
 * not shared between threads), driven by Playwright. Nothing downloads a
 * browser: Playwright is told to skip that and is pointed at {@code /usr/bin/chromium}. A missing
 * browser fails the tests (it is never a silent skip); {@code .ci/run} installs it.
 */
final class Chromium {

	static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CITYBRIDGE_CHROMIUM", "/usr/bin/chromium"));

	/** Without the background-networking flags Chromium keeps dialling Google on a closed network. */
	static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run");

	static final int DESKTOP_WIDTH = 1280;

	static final int DESKTOP_HEIGHT = 900;

	static final int PHONE_WIDTH = 360;

	static final int PHONE_HEIGHT = 740;

	private static final ThreadLocal<Browser> BROWSER = new ThreadLocal<>();

	private Chromium() {
	}

	static Browser browser() {
		Browser browser = BROWSER.get();
		if (browser == null) {
			if (!Files.isExecutable(EXECUTABLE)) {
				throw new IllegalStateException("Browser tests need Debian's Chromium at " + EXECUTABLE
						+ " (apt-get install chromium chromium-driver; .ci/run does it).");
			}
			Playwright playwright = Playwright
				.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
			Browser launched = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				launched.close();
				playwright.close();
			}));
			BROWSER.set(launched);
			browser = launched;
		}
		return browser;
	}

	/** A fresh context (own cookies) at desktop width, in the given language. */
	static BrowserContext desktop(String language) {
		return context(language, DESKTOP_WIDTH, DESKTOP_HEIGHT, true);
	}

	/** A fresh context at phone width, in the given language. */
	static BrowserContext phone(String language) {
		return context(language, PHONE_WIDTH, PHONE_HEIGHT, true);
	}

	static BrowserContext context(String language, int width, int height, boolean javaScript) {
		return browser().newContext(new Browser.NewContextOptions().setLocale(language)
			.setExtraHTTPHeaders(Map.of("Accept-Language", language))
			.setViewportSize(width, height)
			.setJavaScriptEnabled(javaScript)
			// axe is injected into the page; the portal's CSP rightly refuses injected scripts.
			.setBypassCSP(true));
	}
}
