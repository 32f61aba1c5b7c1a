package org.citybridge.learning;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile Markdown comes out as harmless HTML: no scripts, no script links, no handlers, no data: URLs. */
class SafeMarkdownTest {

	@Test
	void keepsOrdinaryFormattingAndSafeLinks() {
		String html = SafeMarkdown.toHtml("# Title\n\nSome **bold** and *italic* text.\n\n- one\n- two\n\n[site](https://example.org/a?b=c)");
		assertThat(html).contains("<h3>Title</h3>").contains("<strong>bold</strong>").contains("<em>italic</em>")
			.contains("<li>one</li>").contains("href=\"https://example.org/a?b&#61;c\"").contains("nofollow").contains("noopener");
	}

	@Test
	void showsRawScriptAsText() {
		String html = SafeMarkdown.toHtml("Hello <script>alert('x')</script>\n\n<script src=\"https://evil.example/x.js\"></script>");
		assertThat(html).doesNotContainIgnoringCase("<script").contains("&lt;script&gt;");
	}

	@Test
	void dropsJavascriptLinksInEverySpelling() {
		for (String markdown : new String[] { "[click](javascript:alert(1))", "[click](JaVaScRiPt:alert(1))",
				"[click](&#106;avascript:alert(1))", "[click](&#x6A;avascript&colon;alert(1))", "[click](java\tscript:alert(1))",
				"[click]( javascript:alert(1))", "<javascript:alert(1)>", "[click][ref]\n\n[ref]: javascript:alert(1)",
				"<a href=\"javascript:alert(1)\">click</a>", "[click](vbscript:msgbox(1))" }) {
			String html = SafeMarkdown.toHtml(markdown);
			assertThat(html).as(markdown).doesNotContainPattern("(?i)href=\"\\s*(javascript|vbscript|&#)");
			assertThat(html).as(markdown).doesNotContainPattern("(?i)<a[^>]*href=\"[^\"]*script");
		}
	}

	@Test
	void neverLetsAnEventHandlerThrough() {
		for (String markdown : new String[] { "<img src=x onerror=alert(1)>", "![x](https://example.org/a.png\"onerror=\"alert(1))",
				"<p onclick=\"alert(1)\">hi</p>", "<svg onload=alert(1)>", "[x](https://example.org \"title\" onmouseover=alert(1))",
				"<div style=\"background:url(javascript:alert(1))\">x</div>" }) {
			String html = SafeMarkdown.toHtml(markdown);
			assertThat(html).as(markdown).doesNotContainPattern("(?i)<[^>]+\\son[a-z]+=");
			assertThat(html).as(markdown).doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<svg")
				.doesNotContainIgnoringCase("style=");
		}
	}

	@Test
	void refusesDataUrlsAndImages() {
		for (String markdown : new String[] { "![x](data:image/png;base64,iVBORw0KGgo=)",
				"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>" }) {
			String html = SafeMarkdown.toHtml(markdown);
			assertThat(html).as(markdown).doesNotContain("href=\"data:").doesNotContainIgnoringCase("<img")
				.doesNotContainIgnoringCase("<script");
		}
	}

	@Test
	void entityTricksStayText() {
		String html = SafeMarkdown.toHtml("&lt;script&gt;alert(1)&lt;/script&gt; and &#60;img src=x onerror=alert(1)&#62;");
		assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img");
	}

	@Test
	void emptyBodyIsEmpty() {
		assertThat(SafeMarkdown.toHtml(null)).isEmpty();
		assertThat(SafeMarkdown.toHtml("  ")).isEmpty();
	}
}
