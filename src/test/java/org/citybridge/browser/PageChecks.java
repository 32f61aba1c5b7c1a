package org.citybridge.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import nu.validator.client.EmbeddedValidator;
import nu.validator.validation.SimpleDocumentValidator;
import nu.validator.xml.SystemErrErrorHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The checks every page type must pass: axe-core's WCAG 2.0/2.1 A and AA rules in the browser, the
 * Nu Html Checker on the HTML as the server sent it, and a phone-width layout without horizontal
 * scrolling or overlapping controls. Each returns the problems found, empty when the page is fine.
 */
final class PageChecks {

	static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	/**
	 * Reviewed exceptions: axe rules that cannot apply to a page. Empty: every rule applies.
	 */
	static final List<String> ACCEPTED_AXE_EXCEPTIONS = List.of();

	private PageChecks() {
	}

	static List<String> accessibility(Page page) {
		// Legacy mode runs axe.run() in the page itself. The default (runPartial in each frame, then
		// finishRun) opens a second browser context and page and injects axe's 500 KB into both, for
		// every page checked: most of the gate's time, for portal pages that have no frames.
		// Only the violations come back in full: the rules run and judge as before, but the passes'
		// nodes (hundreds on a long table) are not serialised through the driver for nothing.
		AxeRunOnlyOptions runOnly = new AxeRunOnlyOptions();
		runOnly.setType("tag");
		runOnly.setValues(WCAG_TAGS);
		AxeRunOptions options = new AxeRunOptions();
		options.setRunOnly(runOnly);
		options.setResultTypes(List.of("violations"));
		AxeBuilder axe = new AxeBuilder(page).options(options).setLegacyMode(true);
		if (!ACCEPTED_AXE_EXCEPTIONS.isEmpty()) {
			axe.disableRules(ACCEPTED_AXE_EXCEPTIONS);
		}
		AxeResults results = axe.analyze();
		List<String> problems = new ArrayList<>();
		if (results.isErrored()) {
			problems.add("axe could not check the page: " + results.getErrorMessage());
			return problems;
		}
		for (Rule violation : results.getViolations()) {
			List<String> targets = violation.getNodes()
				.stream()
				.map(node -> String.valueOf(node.getTarget()) + " " + abbreviate(node.getHtml()))
				.toList();
			problems.add(violation.getId() + " (" + violation.getImpact() + "): " + violation.getHelp() + " at "
					+ targets);
		}
		return problems;
	}

	/**
	 * The Nu Html Checker's errors on the HTML as the server sent it, with the checker's own
	 * schema and settings ({@link EmbeddedValidator}'s defaults: HTML5 with its assertions, no
	 * language detection). Setting up the schema costs some 90 ms, the check of a page a few: each
	 * thread sets it up once and keeps its validator.
	 */
	static List<String> html(String source) {
		List<String> errors = new ArrayList<>();
		ErrorHandler collector = new ErrorHandler() {
			@Override
			public void warning(SAXParseException warning) {
			}

			@Override
			public void error(SAXParseException error) {
				errors.add(describe(error, source));
			}

			@Override
			public void fatalError(SAXParseException error) {
				errors.add("fatal: " + describe(error, source));
			}
		};
		try {
			SimpleDocumentValidator validator = VALIDATOR.get();
			validator.setUpValidatorAndParsers(collector, false, false);
			InputSource input = new InputSource(new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)));
			input.setEncoding(StandardCharsets.UTF_8.name());
			validator.checkHtmlInputSource(input);
			return errors;
		}
		catch (IOException | SAXException ex) {
			errors.add("The validator could not read the page: " + ex.getMessage());
			return errors;
		}
	}

	/** The message with where it is, and the source around that place. */
	private static String describe(SAXParseException error, String source) {
		String[] lines = source.split("\n", -1);
		int line = error.getLineNumber();
		String extract = "";
		if (line >= 1 && line <= lines.length) {
			String text = lines[line - 1];
			int column = Math.max(0, Math.min(text.length(), error.getColumnNumber() - 1));
			extract = text.substring(Math.max(0, column - 60), Math.min(text.length(), column + 20));
		}
		return "line " + line + ": " + error.getMessage() + " " + abbreviate(extract);
	}

	/** One validator per thread, its schema set up once (the validator is not thread-safe). */
	private static final ThreadLocal<SimpleDocumentValidator> VALIDATOR = ThreadLocal.withInitial(() -> {
		// As EmbeddedValidator builds it: log4j set up, no URL logging, language detection off.
		SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, true);
		try {
			validator.setUpMainSchema(EmbeddedValidator.SCHEMA_URL, new SystemErrErrorHandler());
		}
		catch (Exception ex) {
			throw new IllegalStateException("The Nu Html Checker's schema could not be set up", ex);
		}
		return validator;
	});

	/** At phone width: nothing wider than the screen, and no two controls drawn over each other. */
	@SuppressWarnings("unchecked")
	static List<String> phoneLayout(Page page) {
		List<String> problems = new ArrayList<>();
		Number scrollWidth = (Number) page.evaluate("() => document.documentElement.scrollWidth");
		Number viewport = (Number) page.evaluate("() => window.innerWidth");
		if (scrollWidth.intValue() > viewport.intValue()) {
			problems.add("scrolls sideways: " + scrollWidth + "px content in a " + viewport + "px screen");
		}
		List<String> overlaps = (List<String>) page.evaluate("""
				() => {
				  const controls = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')]
				    .filter(e => e.offsetParent !== null || e === document.activeElement)
				    .filter(e => !e.classList.contains('skip-link'));
				  // What a scrolling box (a long checkbox list) clips is not drawn: only the part inside counts.
				  const clip = (e, r) => {
				    let box = {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
				    for (let p = e.parentElement; p; p = p.parentElement) {
				      const s = getComputedStyle(p);
				      if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
				        const c = p.getBoundingClientRect();
				        box = {left: Math.max(box.left, c.left), right: Math.min(box.right, c.right),
				               top: Math.max(box.top, c.top), bottom: Math.min(box.bottom, c.bottom)};
				      }
				    }
				    return box;
				  };
				  const boxes = controls.flatMap(e => [...e.getClientRects()].map(r => ({e, r: clip(e, r)})))
				    .filter(b => b.r.right > b.r.left && b.r.bottom > b.r.top);
				  const found = [];
				  for (let i = 0; i < boxes.length; i++) {
				    for (let j = i + 1; j < boxes.length; j++) {
				      const a = boxes[i], b = boxes[j];
				      if (a.e === b.e || a.e.contains(b.e) || b.e.contains(a.e)) continue;
				      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
				      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
				      if (w > 2 && h > 2) found.push(a.e.outerHTML.slice(0, 80) + ' overlaps ' + b.e.outerHTML.slice(0, 80));
				    }
				  }
				  return found;
				}
				""");
		problems.addAll(overlaps);
		return problems;
	}

	/**
	 * Exception class names (a word ending in "Exception", qualified or not), qualified error class
	 * names and stack frames: what a page leaks when an error reaches the visitor. Not the word
	 * inside another: the French accessibility statement rightly has "Exceptions connues".
	 */
	private static final java.util.regex.Pattern LEAK = java.util.regex.Pattern
		.compile("\\b[\\w$.]*Exception\\b|\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][\\w$]*Error\\b|\\bat [a-z][\\w.$]+\\(\\w+\\.java:\\d+\\)");

	/** Thymeleaf's mark of a message key that the bundle for the page's language lacks: ??key_fr??. */
	private static final java.util.regex.Pattern MISSING_MESSAGE = java.util.regex.Pattern.compile("\\?\\?[\\w.-]+_[a-z]{2}(?:_[A-Z]{2})?\\?\\?");

	/** Message keys the page shows instead of their text: a label missing from a bundle. */
	static List<String> missingMessages(String source) {
		return MISSING_MESSAGE.matcher(source).results().map(java.util.regex.MatchResult::group).toList();
	}

	/** What of an exception the page shows: class names, stack frames, the deliberate failure's message. */
	static List<String> leaks(String source) {
		List<String> found = new ArrayList<>(LEAK.matcher(source).results().map(java.util.regex.MatchResult::group).toList());
		if (source.contains(FailingRoutes.MESSAGE)) {
			found.add(FailingRoutes.MESSAGE);
		}
		return found;
	}

	static String abbreviate(String text) {
		if (text == null) {
			return "";
		}
		String oneLine = text.replaceAll("\\s+", " ").strip();
		return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
	}
}
