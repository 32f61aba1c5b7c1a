package org.citybridge.system.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The bundles' messages formatted by ICU4J's {@link MessageFormat} in the page's locale, for
 * Thymeleaf {@code #{...}}, controllers and mails alike: plural and select rules from CLDR, and
 * apostrophes that stay apostrophes ({@code d'autres}; {@code ''} still gives one). Every message
 * goes through ICU, with or without arguments, so a message reads the same whichever way it is
 * asked for.
 * <p>
 * A count (a whole number) must be written as {@code {0, plural, one {# …} other {# …}}}: a number that lands in a
 * plain {@code {0}} is a sentence that reads «1 municipalities». When {@code strict} (tests) such a
 * message throws; otherwise (production) it is logged once and rendered. Years, ids and other
 * numbers that are not counts are passed as text or written {@code {0,number,::group-off}}.
 */
public class IcuMessageSource extends ResourceBundleMessageSource {

	private final boolean strict;

	private final Map<Locale, Map<String, MessageFormat>> formats = new ConcurrentHashMap<>();

	private final Map<String, List<Integer>> plainArguments = new ConcurrentHashMap<>();

	private final Map<String, List<Integer>> numberArguments = new ConcurrentHashMap<>();

	private final Map<String, Boolean> warned = new ConcurrentHashMap<>();

	public IcuMessageSource(boolean strict) {
		this.strict = strict;
	}

	@Override
	protected String getMessageInternal(String code, Object[] args, Locale locale) {
		if (code == null) {
			return null;
		}
		Locale target = locale != null ? locale : Locale.getDefault();
		String pattern = resolveCodeWithoutArguments(code, target);
		if (pattern == null) {
			return getMessageFromParent(code, resolveArguments(args, target), target);
		}
		return format(code, pattern, resolveArguments(args, target), target);
	}

	@Override
	protected String formatMessage(String msg, Object[] args, Locale locale) {
		if (args == null || args.length == 0) {
			return msg;
		}
		return format(msg, msg, args, locale != null ? locale : Locale.getDefault());
	}

	private String format(String code, String pattern, Object[] args, Locale locale) {
		if (pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0) {
			return pattern;
		}
		MessageFormat format;
		try {
			format = formats.computeIfAbsent(locale, l -> new ConcurrentHashMap<>())
				.computeIfAbsent(pattern, p -> new MessageFormat(p, ULocale.forLocale(locale)));
		}
		catch (IllegalArgumentException notAPattern) {
			// As Spring does: a text that is no pattern (a default message quoting a regular expression) is shown as it is.
			return pattern;
		}
		Object[] values = args != null ? args : new Object[0];
		if (values.length > 0) {
			checkCounts(code, pattern, values);
			values = numbersFromDigits(pattern, values);
		}
		try {
			synchronized (format) {
				return format.format(values);
			}
		}
		catch (IllegalArgumentException wrongArgument) {
			// Text where the pattern wants a number: a defect that tests catch; a visitor still gets the page.
			if (strict) {
				throw new IllegalArgumentException("Message " + code + ": " + wrongArgument.getMessage(), wrongArgument);
			}
			if (warned.putIfAbsent(code, Boolean.TRUE) == null) {
				logger.warn("Message " + code + " could not be formatted: " + wrongArgument.getMessage());
			}
			return pattern;
		}
	}

	/** A number in a plain {@code {n}} placeholder: a count that is not written as a plural. */
	private void checkCounts(String code, String pattern, Object[] args) {
		for (int index : plainArguments.computeIfAbsent(pattern, IcuMessageSource::plainArgumentIndexes)) {
			if (index < args.length && isCount(args[index])) {
				String problem = "Message " + code + " puts the number " + args[index] + " in the plain placeholder {"
						+ index + "}: write the count as {" + index + ", plural, one {# …} other {# …}}, or pass a"
						+ " number that is not a count as text or {" + index + ",number,::group-off}";
				if (strict) {
					throw new IllegalArgumentException(problem);
				}
				if (warned.putIfAbsent(code, Boolean.TRUE) == null) {
					logger.warn(problem);
				}
			}
		}
	}

	/**
	 * Arguments written as digits (10, as refusals and notices keep them) where the pattern wants a
	 * number (a plural, an ordinal, {@code {0,number}}) become numbers, so that the plural rule applies.
	 */
	private Object[] numbersFromDigits(String pattern, Object[] args) {
		Object[] converted = args;
		for (int index : numberArguments.computeIfAbsent(pattern, IcuMessageSource::numberArgumentIndexes)) {
			if (index < args.length && args[index] instanceof String text && DIGITS.matcher(text).matches()) {
				if (converted == args) {
					converted = args.clone();
				}
				converted[index] = new java.math.BigDecimal(text);
			}
		}
		return converted;
	}

	private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("-?\\d{1,18}(\\.\\d{1,9})?");

	/** A whole number: what a count is. Coordinates, scores and amounts (decimals) are not counted. */
	private static boolean isCount(Object argument) {
		return argument instanceof Integer || argument instanceof Long || argument instanceof Short
				|| argument instanceof Byte || argument instanceof java.math.BigInteger
				|| argument instanceof java.util.concurrent.atomic.AtomicInteger
				|| argument instanceof java.util.concurrent.atomic.AtomicLong;
	}

	/** The numbers of the arguments that are plurals, ordinals or numbers, at any depth. */
	static List<Integer> numberArgumentIndexes(String pattern) {
		MessagePattern parsed = new MessagePattern(pattern);
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < parsed.countParts() - 1; i++) {
			MessagePattern.Part part = parsed.getPart(i);
			if (part.getType() != MessagePattern.Part.Type.ARG_START) {
				continue;
			}
			MessagePattern.ArgType type = part.getArgType();
			MessagePattern.Part argument = parsed.getPart(i + 1);
			boolean number = type == MessagePattern.ArgType.PLURAL || type == MessagePattern.ArgType.SELECTORDINAL
					|| type == MessagePattern.ArgType.CHOICE
					|| (type == MessagePattern.ArgType.SIMPLE && i + 2 < parsed.countParts()
							&& parsed.getSubstring(parsed.getPart(i + 2)).equals("number"));
			if (number && argument.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
				indexes.add(argument.getValue());
			}
		}
		return List.copyOf(indexes);
	}

	/** The numbers of the arguments written as a plain {@code {n}}, at any depth. */
	static List<Integer> plainArgumentIndexes(String pattern) {
		MessagePattern parsed = new MessagePattern(pattern);
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < parsed.countParts() - 1; i++) {
			MessagePattern.Part part = parsed.getPart(i);
			if (part.getType() == MessagePattern.Part.Type.ARG_START
					&& part.getArgType() == MessagePattern.ArgType.NONE) {
				MessagePattern.Part argument = parsed.getPart(i + 1);
				if (argument.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
					indexes.add(argument.getValue());
				}
			}
		}
		return List.copyOf(indexes);
	}
}
