package org.citybridge.learning;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
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
 * <p>
 * Images are not shown, neither from other sites (they would tell those sites who reads the
 * page, and could change after approval) nor from the case study's own files (these are offered as
 * downloads under the text, and a new case study has none until it is first saved, so its author
 * could not preview them). {@link #images} names those in a text, so that the form tells the author.
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

	/** The addresses of the images in the text, in order, each once: none of them will be shown. */
	static List<String> images(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return List.of();
		}
		Set<String> found = new LinkedHashSet<>();
		PARSER.parse(markdown).accept(new AbstractVisitor() {
			@Override
			public void visit(Image image) {
				String destination = image.getDestination() == null ? "" : image.getDestination().strip();
				found.add(destination.length() > 80 ? destination.substring(0, 79) + "…" : destination);
				visitChildren(image);
			}
		});
		return List.copyOf(found);
	}

	static String toHtml(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
	}
}
