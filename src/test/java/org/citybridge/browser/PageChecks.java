package org.citybridge.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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

	private PageChecks() {
	}

	/** Where the test server serves axe-core (unpacked from its jar by the build into test-classes/static). */
	static final String AXE_PATH = "/gate/axe.min.js";

	/**
	 * axe-core's WCAG 2.0/2.1 A and AA rules run in the page itself, only the violations coming back.
	 * A page of the portal loads axe with a script tag from the test server, so that Chromium takes
	 * it compiled from its cache after the first page of a context (injecting its 560 KB source into
	 * every page cost a third of axe's time); a page with no address of its own (set from a string
	 * by the gate's self-test) gets the source injected.
	 */
	/**
	 * The rules whose verdict can change with the language of the page: they read its text (names
	 * of links, buttons, fields, images; the title; a label against its accessible name), its
	 * {@code lang}, or sizes that longer words change (scrolling regions, tables). The others
	 * (colour contrast, ARIA structure, landmarks, lists, duplicate ids) judge what the templates
	 * and the style sheet make, the same in every language.
	 */
	static final List<String> LANGUAGE_RULES = List.of("area-alt", "aria-command-name", "aria-input-field-name",
			"aria-meter-name", "aria-progressbar-name", "aria-toggle-field-name", "aria-tooltip-name", "button-name",
			"document-title", "frame-title", "frame-title-unique", "html-has-lang", "html-lang-valid",
			"html-xml-lang-mismatch", "image-alt", "input-button-name", "input-image-alt", "label-content-name-mismatch",
			"label", "link-name", "object-alt", "p-as-heading", "role-img-alt", "scrollable-region-focusable",
			"select-name", "summary-name", "svg-img-alt", "table-fake-caption", "td-has-header", "th-has-data-cells",
			"valid-lang");

	/** Every WCAG 2.0/2.1 A and AA rule of axe. */
	static List<String> accessibility(Page page) {
		return accessibility(page, true);
	}

	/**
	 * axe's WCAG 2.0/2.1 A and AA rules: all of them, or ({@code everyRule} false) only those that
	 * depend on the page's language ({@link #LANGUAGE_RULES}), which need no style sheets: axe does not
	 * fetch and parse them again for those (its {@code preload} of the CSSOM, which only the full
	 * run's rules read).
	 */
	@SuppressWarnings("unchecked")
	static List<String> accessibility(Page page, boolean everyRule) {
		if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
			if (page.url().startsWith("http")) {
				page.addScriptTag(new Page.AddScriptTagOptions().setUrl(java.net.URI.create(page.url()).resolve(AXE_PATH).toString()));
			}
			else {
				page.addScriptTag(new Page.AddScriptTagOptions().setContent(AXE_SOURCE.get()));
			}
		}
		Object result = page.evaluate("""
				async ([tags, only]) => {
				  try {
				    const ids = axe.getRules(tags).map(rule => rule.ruleId).filter(id => only == null || only.includes(id));
				    const r = await axe.run(document, {runOnly: {type: 'rule', values: ids}, resultTypes: ['violations'], preload: only == null});
				    return r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
				      + v.nodes.map(n => JSON.stringify(n.target) + ' ' + n.html.replace(/\\s+/g, ' ').trim().slice(0, 160)).join(', '));
				  } catch (e) {
				    return ['axe could not check the page: ' + e];
				  }
				}
				""", java.util.Arrays.asList(WCAG_TAGS, everyRule ? null : LANGUAGE_RULES));
		return new ArrayList<>((List<String>) result);
	}

	/** axe-core's source, for pages that cannot load it from the test server. */
	private static final java.util.function.Supplier<String> AXE_SOURCE = new java.util.function.Supplier<>() {
		private String source;

		@Override
		public synchronized String get() {
			if (this.source == null) {
				try (java.io.InputStream in = PageChecks.class.getResourceAsStream("/static" + AXE_PATH)) {
					this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}
			return this.source;
		}
	};

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
	 * Words of a {@code mn} or {@code fr} page that are not in the page's language and not marked as
	 * such: on a Mongolian page, any word in Latin script; on a French page, a run of English (two or
	 * more of the commonest English words in one text). Not counted: text inside an element whose
	 * {@code lang} is another language (the original of an untranslated text, a place's Latin name),
	 * inside {@code translate="no"} (HTML's mark of a proper name: a person, a place, a venue, an
	 * organisation), in code, in addresses and time zone names, in what a person typed into a text area, in the hidden parts of the page; and the short
	 * allow-list below (acronyms in capitals, the portal's name, units and formats). Each finding is
	 * the word or phrase with the tag of the element that holds it.
	 */
	@SuppressWarnings("unchecked")
	static List<String> foreignText(Page page, String language) {
		if (!"mn".equals(language) && !"fr".equals(language)) {
			return List.of();
		}
		return (List<String>) page.evaluate("""
				(language) => {
				  const allowed = new Set(['CityBridge', 'GeoNames', 'Wikipedia', 'Natural', 'Earth', 'OpenStreetMap',
				    'CC', 'BY', 'BY-SA', 'CSV', 'JSON', 'GeoJSON', 'Atom', 'iCal', 'ICS', 'PDF', 'UTC', 'GMT', 'HTML',
				    'WCAG', 'ISO', 'ics', 'http', 'https', 'Markdown', 'WebP', 'PNG', 'JPEG', 'gzip', 'km', 'km²', 'e-mail', 'e-mails', 'htmx', 'axe', 'Nu', 'RSS', 'ID', 'URL', 'OK', 'JavaScript']);
				  const english = new Set(['the', 'and', 'of', 'with', 'from', 'this', 'your', 'for', 'to', 'is', 'are',
				    'was', 'has', 'have', 'will', 'by', 'at', 'in', 'not', 'be', 'it', 'its', 'their',
				    'which', 'who', 'all', 'more', 'about', 'between', 'cities', 'city', 'partnership', 'agreement']);
				  const skipTags = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'CODE', 'KBD', 'SAMP', 'PRE', 'TEMPLATE', 'SVG', 'TEXTAREA']);
				  const found = [];
				  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				    const text = node.nodeValue;
				    if (!/[A-Za-z]/.test(text)) continue;
				    const parent = node.parentElement;
				    if (!parent || parent.closest('[translate=no]')) continue;
				    let skip = false;
				    for (let e = parent; e; e = e.parentElement) {
				      if (skipTags.has(e.tagName.toUpperCase())) { skip = true; break; }
				    }
				    if (skip) continue;
				    const marked = parent.closest('[lang]');
				    if (marked && marked.getAttribute('lang').toLowerCase() !== language) continue;
				    if (parent.getClientRects().length === 0 || getComputedStyle(parent).visibility === 'hidden') continue;
				    const cleaned = text.replace(/[\\w.-]+\\.(?:csv|gz|pdf|png|jpe?g|webp|json|geojson|ics|xml|zip)\\b/gi, ' ').replace(/\\b[A-Z][a-z]+\\/[A-Za-z_]+(?:\\/[A-Za-z_]+)?/g, ' ').replace(/https?:\\/\\/\\S+|[\\w.+-]+@[\\w.-]+|\\/[\\w\\/.{}?=&-]*/g, ' ');
				    const where = parent.tagName.toLowerCase() + (parent.id ? '#' + parent.id : '')
				      + (parent.className && typeof parent.className === 'string' ? '.' + parent.className.split(' ')[0] : '');
				    if (language === 'mn') {
				      const words = (cleaned.match(/[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’.-]*/g) || [])
				        .map(w => w.replace(/[.'’-]+$/, ''))
				        .filter(w => w.length > 1 && !allowed.has(w) && !/^[A-Z0-9][A-Z0-9-]{1,9}$/.test(w));
				      if (words.length) found.push(where + ': ' + words.join(' '));
				    } else {
				      const words = (cleaned.toLowerCase().match(/[a-z]+/g) || []).filter(w => english.has(w));
				      if (new Set(words).size >= 2) found.push(where + ': ' + text.replace(/\\s+/g, ' ').trim().slice(0, 80));
				    }
				  }
				  return found;
				}
				""", language);
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
