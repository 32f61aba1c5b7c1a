package org.citybridge.system;

import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Localised names of countries and languages from the JDK's CLDR data, for templates
 * ({@code ${@names.country(code, #locale)}}); never hand-written tables. The other way round, a
 * {@link NameIndex} says what a name typed in a form means. Every list sorted by name for display is
 * sorted by {@link #collation}: ICU's collator for the page's language (CLDR's order: French "Brésil"
 * before "Brunei", Mongolian "Өмнөд" after "Орос" and before "П"), or in SQL by PostgreSQL's ICU
 * collation of the same name ({@link #sqlCollation}).
 */
@Component("names")
public class DisplayNames {

	private static final Map<String, Collator> COLLATORS = new ConcurrentHashMap<>();

	/**
	 * ICU's order of names in the page's language (English when none), accents and case after the
	 * letters; the instances are frozen, so shared across threads.
	 */
	public static Comparator<String> collation(Locale locale) {
		String language = locale == null || locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
		Collator collator = COLLATORS.computeIfAbsent(language, l -> Collator.getInstance(new ULocale(l)).freeze());
		return (a, b) -> collator.compare(a == null ? "" : a, b == null ? "" : b);
	}

	/** The items in the order of their names in the page's language. */
	public static <T> List<T> sorted(Collection<T> items, Function<T, String> name, Locale locale) {
		Comparator<String> order = collation(locale);
		return items.stream().sorted(Comparator.comparing(name, order)).toList();
	}

	/**
	 * The PostgreSQL ICU collation of the page's language, for {@code ORDER BY name COLLATE "…"} where a
	 * list is ordered in the database: {@code "mn-x-icu"}, {@code "fr-x-icu"}, else {@code "en-x-icu"}.
	 */
	public static String sqlCollation(Locale locale) {
		String language = locale == null ? "en" : locale.getLanguage();
		return switch (language) {
			case "mn", "fr" -> language + "-x-icu";
			default -> "en-x-icu";
		};
	}

	private final MessageSource messages;

	/** {@link #sortedByMessage}'s orders by prefix, language and codes. */
	private final Map<List<Object>, List<String>> byMessage = new ConcurrentHashMap<>();

	private static final int MAX_BY_MESSAGE = 500;

	/** Without messages: {@link #sortedByMessage} then sorts by code. */
	public DisplayNames() {
		this(null);
	}

	@Autowired
	DisplayNames(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Codes of a vocabulary named in the bundles ({@code theme.<code>}) in the order of their names in
	 * the page's language: {@code ${@names.sortedByMessage(codes, 'theme.', #locale)}}.
	 */
	public List<String> sortedByMessage(Collection<String> codes, String prefix, Locale locale) {
		if (codes == null) {
			return List.of();
		}
		if (this.messages == null) {
			return codes.stream().sorted().toList();
		}
		Function<String, String> named = code -> this.messages.getMessage(prefix + code, null, code, locale);
		if (prefix == null || locale == null || codes.stream().anyMatch(Objects::isNull)) {
			return sorted(codes, named, locale);
		}
		// The vocabularies and their messages are fixed while the portal runs: each order is worked out once.
		List<Object> key = List.of(prefix, locale, List.copyOf(codes));
		List<String> known = this.byMessage.get(key);
		if (known == null) {
			known = sorted(codes, named, locale);
			if (this.byMessage.size() >= MAX_BY_MESSAGE) {
				this.byMessage.clear();
			}
			this.byMessage.put(key, known);
		}
		return known;
	}

	/** Country codes in the order of their names in the page's language. */
	public List<String> sortedCountries(Collection<String> codes, Locale locale) {
		return codes == null ? List.of() : sorted(codes, code -> country(code, locale), locale);
	}

	/** Language codes in the order of their names in the page's language. */
	public List<String> sortedLanguages(Collection<String> codes, Locale locale) {
		return codes == null ? List.of() : sorted(codes, code -> language(code, locale), locale);
	}

	/**
	 * The ISO 639-1 languages that CLDR names, for forms that ask for a language by its name: built
	 * when a page first needs it (some 180 languages named in three languages), not at every start.
	 */
	private static final class LanguageIndex {

		static final NameIndex INDEX = NameIndex.of(
				Arrays.stream(Locale.getISOLanguages())
					.filter(code -> !Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH).equals(code))
					.toList(),
				(code, locale) -> Locale.forLanguageTag(code).getDisplayLanguage(locale));
	}

	/** Languages by name in any of the portal's languages, or by code. */
	public NameIndex languages() {
		return LanguageIndex.INDEX;
	}

	/** Every language's name in the page's language, in its order: a type-ahead's choices. */
	public List<String> languageNames(Locale locale) {
		return LanguageIndex.INDEX.names(locale);
	}

	public String country(String code, Locale locale) {
		if (code == null) {
			return "";
		}
		String name = new Locale("", code).getDisplayCountry(locale);
		return name.isBlank() ? code : name;
	}

	/**
	 * A moment as an HTML {@code datetime} value: ISO 8601 in UTC to the second, since HTML allows at
	 * most three fraction digits and PostgreSQL keeps six.
	 */
	public String isoSeconds(Instant at) {
		return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/**
	 * Languages written as free text (English, Mongolian: as staff type them on a session) named in
	 * the page's language (англи, монгол): each comma-separated name that is exactly a language's
	 * name in one of the portal's languages, or its code; any other text stays as typed.
	 */
	public String languagesNamed(String typed, Locale locale) {
		if (typed == null) {
			return "";
		}
		return String.join(", ", Arrays.stream(typed.split("[,;/]"))
			.map(String::strip)
			.filter(part -> !part.isEmpty())
			.map(part -> languageNamed(part, locale))
			.toList());
	}

	/** One language's name typed in any portal language, or its code, in the page's language; else as typed. */
	public String languageNamed(String typed, Locale locale) {
		String code = LanguageIndex.INDEX.exactly(typed);
		return code == null ? typed : language(code, locale);
	}

	public String language(String code, Locale locale) {
		if (code == null) {
			return "";
		}
		String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
		return name.isBlank() ? code : name;
	}

	/**
	 * What a person means by the name of a country or a language, typed in any of the portal's
	 * languages or as its code: "russian", "Russian", "орос", "russe" and "ru" all mean {@code ru}.
	 * Case, accents and punctuation do not count. A name that is the whole of one name is that code; else a name
	 * that starts one or more names (or a word in them) is that one, or ambiguous among them; else it is
	 * unknown. Forms keep what was typed and store the code; the names come from the JDK's CLDR data.
	 */
	public static final class NameIndex {

		/** The portal's languages: names typed in any of them are understood whatever the page's language. */
		public static final List<Locale> PORTAL = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("mn"));

		/** At most this many candidates are offered for an ambiguous name. */
		static final int MAX_CANDIDATES = 8;

		private final List<String> codes;

		private final BiFunction<String, Locale, String> namer;

		/** Every normalised name (and code) of each code. */
		private final Map<String, List<String>> keys = new LinkedHashMap<>();

		private final Map<String, Set<String>> exact = new HashMap<>();

		private final Map<Locale, List<String>> sorted = new ConcurrentHashMap<>();

		NameIndex(Collection<String> codes, BiFunction<String, Locale, String> namer) {
			this.codes = List.copyOf(codes);
			this.namer = namer;
			for (String code : this.codes) {
				Set<String> own = new LinkedHashSet<>();
				own.add(normalise(code));
				for (Locale locale : PORTAL) {
					String key = normalise(namer.apply(code, locale));
					if (!key.isEmpty()) {
						own.add(key);
					}
				}
				this.keys.put(code, List.copyOf(own));
				own.forEach(key -> this.exact.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(code));
			}
		}

		/** An index of the codes given, named by {@code namer} (a code and a language to a name). */
		public static NameIndex of(Collection<String> codes, BiFunction<String, Locale, String> namer) {
			return new NameIndex(codes, namer);
		}

		/** What a typed value means: {@code code} when it names one, else the candidates (none: unknown). */
		public record Match(String typed, String code, List<String> candidates) {

			public boolean found() {
				return this.code != null;
			}

			public boolean ambiguous() {
				return this.code == null && !this.candidates.isEmpty();
			}

			/**
			 * Why the value names nothing, for the field: {@code <prefix>.unknown} with what was typed, or
			 * {@code <prefix>.ambiguous} with what was typed and the candidates' names in alphabetical order, comma separated.
			 */
			public Refusal refusal(String field, String prefix, NameIndex index, Locale locale) {
				if (ambiguous()) {
					return new Refusal(field, prefix + ".ambiguous", Text.typed(this.typed),
							String.join(", ", this.candidates.stream().map(c -> index.name(c, locale))
								.sorted(collation(locale)).toList()));
				}
				return new Refusal(field, prefix + ".unknown", Text.typed(this.typed));
			}
		}

		public Match find(String typed) {
			String text = typed == null ? "" : typed.strip();
			String key = normalise(text);
			if (key.isEmpty()) {
				return new Match(text, null, List.of());
			}
			Set<String> same = this.exact.getOrDefault(key, Set.of());
			if (same.size() == 1) {
				return new Match(text, same.iterator().next(), List.of());
			}
			if (!same.isEmpty()) {
				return new Match(text, null, List.copyOf(same).subList(0, Math.min(same.size(), MAX_CANDIDATES)));
			}
			List<String> starting = new ArrayList<>();
			for (Map.Entry<String, List<String>> entry : this.keys.entrySet()) {
				if (entry.getValue().stream().anyMatch(name -> name.startsWith(key) || name.contains(" " + key))) {
					starting.add(entry.getKey());
				}
			}
			if (starting.size() == 1) {
				return new Match(text, starting.get(0), List.of());
			}
			return new Match(text, null, starting.subList(0, Math.min(starting.size(), MAX_CANDIDATES)));
		}

		/** The code that {@code typed} names exactly (a whole name or the code), or {@code null}. */
		public String exactly(String typed) {
			Set<String> same = this.exact.getOrDefault(normalise(typed == null ? "" : typed.strip()), Set.of());
			return same.size() == 1 ? same.iterator().next() : null;
		}

		/** Whether the code is one of this index's. */
		public boolean contains(String code) {
			return code != null && this.keys.containsKey(code);
		}

		/** The code's name in the language, or the code itself when CLDR has none. */
		public String name(String code, Locale locale) {
			if (code == null) {
				return "";
			}
			String name = this.namer.apply(code, locale);
			return name == null || name.isBlank() ? code : name;
		}

		/** Every name in the language, in its alphabetical order: the choices of a type-ahead. */
		public List<String> names(Locale locale) {
			Locale language = locale == null ? Locale.ENGLISH : Locale.forLanguageTag(locale.getLanguage());
			return this.sorted.computeIfAbsent(language, l -> {
				return this.codes.stream().map(code -> name(code, l)).distinct().sorted(collation(l)).toList();
			});
		}

		/** Lower case, without accents, letters and digits only, single spaces. */
		public static String normalise(String value) {
			if (value == null) {
				return "";
			}
			String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
			return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
		}
	}
}
