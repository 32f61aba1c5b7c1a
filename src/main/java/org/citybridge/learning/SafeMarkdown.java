package org.citybridge.learning;

import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Case study bodies: Markdown to HTML that is safe to put in a page. commonmark alone passes raw
 * HTML and {@code javascript:} links through, so it runs with raw HTML escaped and URLs sanitised,
 * and its output then goes through the OWASP sanitizer with a short list of formatting elements,
 * links only to http, https and mailto, and no images, styles, scripts or event handlers.
 * Headings start at level 3, below the page's own.
 */
final class SafeMarkdown {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "hr")
		.allowElements((name, attributes) -> "h3", "h1", "h2")
		.allowElements((name, attributes) -> "h4", "h3")
		.allowElements((name, attributes) -> "h5", "h4", "h5", "h6")
		.allowElements("a")
		.allowAttributes("href").onElements("a")
		.allowUrlProtocols("http", "https", "mailto")
		.requireRelsOnLinks("nofollow", "noopener", "noreferrer")
		.allowAttributes("start").matching(Pattern.compile("[0-9]{1,6}")).onElements("ol")
		.toFactory();

	private SafeMarkdown() {
	}

	static String toHtml(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
	}
}
