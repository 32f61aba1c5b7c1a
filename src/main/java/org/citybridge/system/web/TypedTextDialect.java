package org.citybridge.system.web;

import java.util.Set;

import org.citybridge.system.Text;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.dialect.IProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.model.IText;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.processor.AbstractStandardExpressionAttributeTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Writes text of unknown language ({@link Text#typed}) as {@code <bdi lang="">…</bdi>} wherever a page
 * shows it as text: a field's error that repeats what was typed, a refusal that quotes a room's name,
 * a result count with the search words. Inside elements that hold only text ({@code title},
 * {@code textarea}, {@code option}, {@code script}, {@code style}) the isolate marks are dropped
 * instead. The text was escaped when the page put it there; only the marks become the element.
 *
 * <p>
 * It also gives templates {@code cb:raw="${html}"}: markup the portal built and escaped in Java (the
 * filters' check lists, the agenda's entries, the map's drawing, the charts) written as it is. With
 * a post-processor in the engine, Thymeleaf's own {@code th:utext} parses such markup into events
 * again on every request (a fifth of the register page's time, 2026-12-07); {@code cb:raw} hands it
 * on as one text, whose marks the handler below turns into elements knowing the tags inside it.
 */
public class TypedTextDialect extends AbstractDialect implements IPostProcessorDialect, IProcessorDialect {

	public TypedTextDialect() {
		super("citybridge-typed-text");
	}

	@Override
	public int getDialectPostProcessorPrecedence() {
		return 1000;
	}

	@Override
	public Set<IPostProcessor> getPostProcessors() {
		return Set.of(new PostProcessor(TemplateMode.HTML, Handler.class, 1000));
	}

	@Override
	public String getPrefix() {
		return "cb";
	}

	@Override
	public int getDialectProcessorPrecedence() {
		return 1000;
	}

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		return Set.of(new Raw(dialectPrefix));
	}

	/** {@code cb:raw}: the element's body is the expression's markup, written as it is (not parsed). */
	static final class Raw extends AbstractStandardExpressionAttributeTagProcessor {

		Raw(String prefix) {
			// th:utext's precedence, so that th:if, th:each and th:with come first as they do for it.
			super(TemplateMode.HTML, prefix, "raw", 1400, true, false);
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
				String attributeValue, Object expressionResult, IElementTagStructureHandler structureHandler) {
			// Markup built in a StringBuilder is written from it, not copied into a String first.
			structureHandler.setBody(expressionResult == null ? ""
					: expressionResult instanceof CharSequence text ? text : expressionResult.toString(), false);
		}

	}

	/** The output's text events, marks turned into elements (or dropped in text-only elements). */
	public static class Handler extends AbstractTemplateHandler {

		private static final String[] TEXT_ONLY = { "title", "textarea", "option", "script", "style" };

		private int textOnlyDepth;

		@Override
		public void handleOpenElement(IOpenElementTag tag) {
			if (textOnly(tag.getElementCompleteName())) {
				this.textOnlyDepth++;
			}
			super.handleOpenElement(tag);
		}

		@Override
		public void handleCloseElement(ICloseElementTag tag) {
			if (this.textOnlyDepth > 0 && textOnly(tag.getElementCompleteName())) {
				this.textOnlyDepth--;
			}
			super.handleCloseElement(tag);
		}

		@Override
		public void handleText(IText text) {
			String content = text.getText();
			if (content.indexOf(Text.TYPED_OPEN) < 0 && content.indexOf(Text.TYPED_CLOSE) < 0) {
				super.handleText(text);
				return;
			}
			super.handleText(getContext().getModelFactory().createText(markup(content, this.textOnlyDepth > 0)));
		}

		private static boolean textOnly(String name) {
			return textOnly(name, 0, name.length());
		}

		private static boolean textOnly(String s, int from, int to) {
			for (String name : TEXT_ONLY) {
				if (to - from == name.length() && s.regionMatches(true, from, name, 0, name.length())) {
					return true;
				}
			}
			return false;
		}

		/**
		 * The text with each isolated part as a {@code bdi} of unknown language, or without the marks
		 * where it is inside a text-only element ({@code textOnly} for the text's start; tags inside
		 * the text, from {@code cb:raw}, open and close such elements too). Marks inside a tag (in an
		 * attribute's value) are left as they are: an attribute cannot hold an element.
		 */
		static String markup(String content, boolean textOnly) {
			StringBuilder out = new StringBuilder(content.length() + 32);
			int depth = textOnly ? 1 : 0;
			boolean open = false;
			int n = content.length();
			int i = 0;
			while (i < n) {
				char c = content.charAt(i);
				if (c == '<') {
					int end = tagEnd(content, i);
					boolean closing = i + 1 < n && content.charAt(i + 1) == '/';
					int nameStart = i + (closing ? 2 : 1);
					int nameEnd = nameStart;
					while (nameEnd < end && Character.isLetterOrDigit(content.charAt(nameEnd))) {
						nameEnd++;
					}
					if (nameEnd > nameStart && textOnly(content, nameStart, nameEnd)) {
						if (closing) {
							depth = Math.max(0, depth - 1);
						}
						else if (content.charAt(end - 2) != '/') {
							depth++;
						}
					}
					out.append(content, i, end);
					i = end;
					continue;
				}
				if (c == Text.TYPED_OPEN || c == Text.TYPED_CLOSE) {
					if (depth == 0) {
						if (c == Text.TYPED_OPEN && !open) {
							out.append("<bdi lang=\"\">");
							open = true;
						}
						else if (c == Text.TYPED_CLOSE && open) {
							out.append("</bdi>");
							open = false;
						}
					}
					i++;
					continue;
				}
				out.append(c);
				i++;
			}
			if (open) {
				out.append("</bdi>");
			}
			return out.toString();
		}

		/** Just past the {@code >} that ends the tag starting at {@code start}, quotes respected. */
		private static int tagEnd(String s, int start) {
			char quote = 0;
			for (int i = start + 1; i < s.length(); i++) {
				char c = s.charAt(i);
				if (quote != 0) {
					if (c == quote) {
						quote = 0;
					}
				}
				else if (c == '"' || c == '\'') {
					quote = c;
				}
				else if (c == '>') {
					return i + 1;
				}
			}
			return s.length();
		}

	}

}
