package org.citybridge.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate catches what it is there to catch: each check is shown failing on a page that breaks
 * its rule, so a check that silently passes everything would fail here.
 */
class GateSelfBrowserIT {

	static final String VALID_PAGE = """
			<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fine</title></head>
			<body><main><h1>Fine</h1><label for="q">Name</label><input id="q" name="q"></main></body></html>
			""";

	@Test
	void acceptsAPageThatBreaksNoRule() {
		try (BrowserContext context = Chromium.desktop("en")) {
			Page page = context.newPage();
			page.setContent(VALID_PAGE);
			assertThat(PageChecks.accessibility(page)).isEmpty();
			assertThat(PageChecks.html(VALID_PAGE)).isEmpty();
		}
	}

	@Test
	void reportsAnUnlabelledInput() {
		assertThat(axeOn(VALID_PAGE.replace("<label for=\"q\">Name</label>", ""))).anyMatch(p -> p.startsWith("label "));
	}

	/** The cases that run only the language rules still find what a language can break, and only that. */
	@Test
	void theLanguageRulesFindAnEmptyLinkButNotAContrastProblem() {
		String page = VALID_PAGE.replace("<h1>Fine</h1>",
				"<h1>Fine</h1><a href=\"/x\"></a><p style=\"color:#ccc;background:#fff\">Pale</p>");
		try (BrowserContext context = Chromium.desktop("en")) {
			Page tab = context.newPage();
			tab.setContent(page);
			assertThat(PageChecks.accessibility(tab, false)).anyMatch(p -> p.startsWith("link-name "))
				.noneMatch(p -> p.startsWith("color-contrast "));
			assertThat(PageChecks.accessibility(tab, true)).anyMatch(p -> p.startsWith("color-contrast "));
		}
	}

	@Test
	void reportsAMissingLang() {
		assertThat(axeOn(VALID_PAGE.replace(" lang=\"en\"", ""))).anyMatch(p -> p.startsWith("html-has-lang "));
	}

	@Test
	void reportsAnImageWithoutAlternativeText() {
		assertThat(axeOn(VALID_PAGE.replace("<h1>Fine</h1>", "<h1>Fine</h1><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">")))
			.anyMatch(p -> p.startsWith("image-alt "));
	}

	@Test
	void reportsInvalidHtml() {
		assertThat(PageChecks.html(VALID_PAGE.replace("<h1>Fine</h1>", "<h1>Fine</h2><div hx-get=\"/x\"></div>")))
			.isNotEmpty();
		assertThat(PageChecks.html(VALID_PAGE.replace("<title>Fine</title>", ""))).isNotEmpty();
	}

	@Test
	void reportsAnExceptionOrStackFrameShownToTheVisitorButNotTheWordException() {
		assertThat(PageChecks.leaks(VALID_PAGE.replace("<h1>Fine</h1>",
				"<h1>Fine</h1><pre>java.lang.IllegalStateException: boom\n\tat org.citybridge.Foo.bar(Foo.java:12)</pre>")))
			.contains("java.lang.IllegalStateException", "at org.citybridge.Foo.bar(Foo.java:12)");
		assertThat(PageChecks.leaks(VALID_PAGE.replace("<h1>Fine</h1>", "<h1>Fine</h1><p>" + FailingRoutes.MESSAGE + "</p>")))
			.containsExactly(FailingRoutes.MESSAGE);
		assertThat(PageChecks.leaks(VALID_PAGE.replace("<h1>Fine</h1>", "<h1>Fine</h1><p>NullPointerException</p>")))
			.containsExactly("NullPointerException");
		assertThat(PageChecks.leaks(VALID_PAGE.replace("<h1>Fine</h1>", "<h1>Exceptions connues</h1><p>Error: try again</p>")))
			.isEmpty();
	}

	@Test
	void reportsAMessageKeyShownInsteadOfItsText() {
		assertThat(PageChecks.missingMessages(VALID_PAGE.replace("<h1>Fine</h1>", "<h1>??audit.type.agreement_fr??</h1>")))
			.containsExactly("??audit.type.agreement_fr??");
		assertThat(PageChecks.missingMessages(VALID_PAGE.replace("<h1>Fine</h1>", "<h1>Why?? Because.</h1>"))).isEmpty();
	}

	@Test
	void reportsSidewaysScrollingAndOverlappingControlsAtPhoneWidth() {
		try (BrowserContext context = Chromium.phone("en")) {
			Page page = context.newPage();
			page.setContent(VALID_PAGE.replace("<h1>Fine</h1>", "<h1>Fine</h1><div style=\"width:900px\">wide</div>"
					+ "<a href=\"/a\" style=\"position:absolute;top:0;left:0\">one</a>"
					+ "<a href=\"/b\" style=\"position:absolute;top:0;left:0\">two</a>"));
			assertThat(PageChecks.phoneLayout(page)).anyMatch(p -> p.startsWith("scrolls sideways"))
				.anyMatch(p -> p.contains("overlaps"));
		}
	}

	private static java.util.List<String> axeOn(String html) {
		try (BrowserContext context = Chromium.desktop("en")) {
			Page page = context.newPage();
			page.setContent(html);
			return PageChecks.accessibility(page);
		}
	}
}
