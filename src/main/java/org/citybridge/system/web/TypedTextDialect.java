package org.citybridge.system.web;

import java.util.Set;

import org.citybridge.system.Text;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IText;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Writes text of unknown language ({@link Text#typed}) as {@code <bdi lang="">…</bdi>} wherever a page
 * shows it as text: a field's error that repeats what was typed, a refusal that quotes a room's name,
 * a result count with the search words. Inside elements that hold only text ({@code title},
 * {@code textarea}, {@code option}, {@code script}, {@code style}) the isolate marks are dropped
 * instead. The text was escaped when the page put it there; only the marks become the element.
 */
public class TypedTextDialect extends AbstractDialect implements IPostProcessorDialect {

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

	/** The output's text events, marks turned into elements (or dropped in text-only elements). */
	public static class Handler extends AbstractTemplateHandler {

		private static final Set<String> TEXT_ONLY = Set.of("title", "textarea", "option", "script", "style");

		private int textOnlyDepth;

		@Override
		public void handleOpenElement(IOpenElementTag tag) {
			if (TEXT_ONLY.contains(tag.getElementCompleteName().toLowerCase(java.util.Locale.ROOT))) {
				this.textOnlyDepth++;
			}
			super.handleOpenElement(tag);
		}

		@Override
		public void handleCloseElement(ICloseElementTag tag) {
			if (this.textOnlyDepth > 0 && TEXT_ONLY.contains(tag.getElementCompleteName().toLowerCase(java.util.Locale.ROOT))) {
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

		/** The text with each isolated part as a {@code bdi} of unknown language, or without the marks. */
		static String markup(String content, boolean textOnly) {
			if (textOnly) {
				return content.replace(String.valueOf(Text.TYPED_OPEN), "").replace(String.valueOf(Text.TYPED_CLOSE), "");
			}
			StringBuilder out = new StringBuilder(content.length() + 32);
			boolean open = false;
			for (int i = 0; i < content.length(); i++) {
				char c = content.charAt(i);
				if (c == Text.TYPED_OPEN && !open) {
					out.append("<bdi lang=\"\">");
					open = true;
				}
				else if (c == Text.TYPED_CLOSE && open) {
					out.append("</bdi>");
					open = false;
				}
				else if (c != Text.TYPED_OPEN && c != Text.TYPED_CLOSE) {
					out.append(c);
				}
			}
			if (open) {
				out.append("</bdi>");
			}
			return out.toString();
		}
	}
}
