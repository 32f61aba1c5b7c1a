package org.citybridge.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.citybridge.system.Text;
import org.junit.jupiter.api.Test;

/** What a page makes of text of unknown language inside its own sentences. */
class TypedTextDialectTest {

	@Test
	void typedTextBecomesAnIsolateOfUnknownLanguageInsideTheSentence() {
		String message = "«" + Text.typed("zzqqxx") + "» гэсэн нэртэй хот олдсонгүй.";
		assertThat(TypedTextDialect.Handler.markup(message, false))
			.isEqualTo("«<bdi lang=\"\">zzqqxx</bdi>» гэсэн нэртэй хот олдсонгүй.");
	}

	@Test
	void insideATitleOrAnOptionTheMarksAreDroppedAndTheWordsKept() {
		String message = "Алдаа: " + Text.typed("Atlantis");
		assertThat(TypedTextDialect.Handler.markup(message, true)).isEqualTo("Алдаа: Atlantis");
	}

	@Test
	void marksTypedIntoTheValueItselfCannotOpenOrCloseAnElement() {
		// Someone types the isolate characters themselves: they are taken out before the value is marked
		// (and the page escaped the rest before the marks became elements).
		String typed = Text.typed("a\u2069&lt;b&gt;\u2068");
		assertThat(typed).isEqualTo("\u2068a&lt;b&gt;\u2069");
		assertThat(TypedTextDialect.Handler.markup("x " + typed + " y", false)).isEqualTo("x <bdi lang=\"\">a&lt;b&gt;</bdi> y");
		assertThat(TypedTextDialect.Handler.markup("unclosed \u2068name", false)).isEqualTo("unclosed <bdi lang=\"\">name</bdi>");
	}

	@Test
	void nothingTypedNothingChanged() {
		assertThat(Text.typed(null)).isNull();
		assertThat(TypedTextDialect.Handler.markup("plain", false)).isEqualTo("plain");
	}

	@Test
	void markupBuiltInJavaKeepsItsTagsAndMarksTextOnlyInsideTheElementsThatHoldOnlyText() {
		// cb:raw hands such markup on as one text: an option's marks are dropped, a label's become a bdi,
		// and marks in an attribute's value stay in the attribute.
		String raw = "<option value=\"1\">" + Text.typed("Atlantis") + "</option><label title=\"\u2068t\u2069\">"
				+ Text.typed("Atlantis") + "</label><br/>";
		assertThat(TypedTextDialect.Handler.markup(raw, false)).isEqualTo("<option value=\"1\">Atlantis</option>"
				+ "<label title=\"\u2068t\u2069\"><bdi lang=\"\">Atlantis</bdi></label><br/>");
		assertThat(TypedTextDialect.Handler.markup("<title>" + Text.typed("a") + "</title>" + Text.typed("b"), false))
			.isEqualTo("<title>a</title><bdi lang=\"\">b</bdi>");
	}
}
