package org.citybridge.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import nu.validator.client.EmbeddedValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PageChecks() {
	}

	static List<String> accessibility(Page page) {
		AxeBuilder axe = new AxeBuilder(page).withTags(WCAG_TAGS);
		if (!ACCEPTED_AXE_EXCEPTIONS.isEmpty()) {
			axe.disableRules(ACCEPTED_AXE_EXCEPTIONS);
		}
		AxeResults results = axe.analyze();
		List<String> problems = new ArrayList<>();
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

	static List<String> html(String source) {
		try {
			EmbeddedValidator validator = new EmbeddedValidator();
			validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
			String report = validator.validate(new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)));
			List<String> errors = new ArrayList<>();
			for (JsonNode message : JSON.readTree(report).path("messages")) {
				String type = message.path("type").asString();
				String subType = message.path("subType").asString();
				if ("error".equals(type) || "fatal".equals(subType)) {
					errors.add("line " + message.path("lastLine").asInt() + ": " + message.path("message").asString()
							+ " " + abbreviate(message.path("extract").asString()));
				}
			}
			return errors;
		}
		catch (IOException | org.xml.sax.SAXException ex) {
			return List.of("The validator could not read the page: " + ex.getMessage());
		}
	}

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
				  const boxes = controls.flatMap(e => [...e.getClientRects()].map(r => ({e, r})));
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

	static String abbreviate(String text) {
		if (text == null) {
			return "";
		}
		String oneLine = text.replaceAll("\\s+", " ").strip();
		return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
	}
}
