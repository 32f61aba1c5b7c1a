package org.citybridge.municipality;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A place's name in the reader's script, chosen here and nowhere else: on Mongolian pages the
 * Cyrillic name comes first where one is known (the native name when it is written in Cyrillic, else
 * the Cyrillic alternate name closest to ICU's Latin–Cyrillic transliteration of the Latin name, i.e.
 * the Mongolian and Russian rendering) with the Latin name beside it; on English and French pages the
 * usual Latin name first with the native name beside it (on French pages the French name, where a
 * place has one of its own: a region's, such as Oulan-Bator). Templates use it as {@code @placeNames}
 * ({@code ${@placeNames.name(id, name, #locale)}}, or the fragment {@code fragments/place :: name}
 * that marks the second name's language); Java callers use {@link #choose} on spellings they hold.
 * Region names in Cyrillic come from a small reviewed table ({@code municipality/division-names.csv}).
 */
@Component("placeNames")
public class PlaceNames {

	/** The languages whose readers get a place's name in their language first, where it has one (a region's French name). */
	private static final List<String> OWN_NAME_READERS = List.of("fr");

	/** The languages whose readers get the Cyrillic name first. */
	private static final List<String> CYRILLIC_READERS = List.of("mn");

	/** How long a place's spellings are kept before they are read again (imports rename in bulk). */
	static final Duration KEPT = Duration.ofMinutes(1);

	private static final int MAX_KEPT = 20_000;

	/** {@link #language}'s answers by country and script ("" for none): a few hundred at most. */
	private static final Map<String, String> LANGUAGES = new ConcurrentHashMap<>();

	private static final String DIVISIONS = "municipality/division-names.csv";

	/** Every spelling of a place that the choice reads. */
	public record Spellings(String name, String nativeName, String nativeScript, List<String> alternateNames,
			String countryCode, String frenchName) {

		public Spellings {
			alternateNames = alternateNames == null ? List.of() : List.copyOf(alternateNames);
			frenchName = frenchName == null || frenchName.isBlank() || frenchName.equals(name) ? null : frenchName;
		}

		/** Spellings without a French name of their own. */
		public Spellings(String name, String nativeName, String nativeScript, List<String> alternateNames,
				String countryCode) {
			this(name, nativeName, nativeScript, alternateNames, countryCode, null);
		}
	}

	/**
	 * A name as a page shows it: {@code first}, and {@code second} beside it (or null); each with the
	 * BCP 47 tag to mark it with, null where it reads in the page's language.
	 */
	public record Shown(String first, String firstLang, String second, String secondLang) {

		/** "Дархан (Darkhan)": both, for plain text. */
		public String text() {
			return this.second == null ? this.first : this.first + " (" + this.second + ")";
		}
	}

	/**
	 * A place's spellings as read, when, and the names chosen from them per page language: on Mongolian
	 * pages the choice compares the Latin name transliterated with each Cyrillic alternate name, which a
	 * register page would otherwise do for every party of every row.
	 */
	private record Kept(Spellings spellings, Instant at, Map<String, Shown> shown) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	/** Reads a place's spellings by id (null: unknown), the database's or none. */
	private final java.util.function.LongFunction<Spellings> reader;

	private final Map<Long, Kept> kept = new ConcurrentHashMap<>();

	private final Map<String, String> divisions;

	@org.springframework.beans.factory.annotation.Autowired
	PlaceNames(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.reader = this::read;
		this.divisions = readDivisions();
	}

	private PlaceNames() {
		this.jdbc = null;
		this.clock = Clock.systemUTC();
		this.reader = id -> null;
		this.divisions = readDivisions();
	}

	/** Names chosen from the spellings the caller holds only, without a database (web slice tests). */
	public static PlaceNames withoutDatabase() {
		return new PlaceNames();
	}

	/** Whether readers of this language get Cyrillic names first. */
	public static boolean cyrillicReader(Locale locale) {
		return locale != null && CYRILLIC_READERS.contains(locale.getLanguage());
	}

	/** Whether readers of this language may get a name other than the usual Latin one first. */
	private static boolean ownNameReader(Locale locale) {
		return cyrillicReader(locale) || (locale != null && OWN_NAME_READERS.contains(locale.getLanguage()));
	}

	/** The place's name as a page in this language shows it. */
	public static Shown choose(Spellings place, Locale locale) {
		String latin = place.name();
		if (place.frenchName() != null && locale != null && "fr".equals(locale.getLanguage())) {
			latin = place.frenchName();
		}
		if (cyrillicReader(locale)) {
			String cyrillic = cyrillic(place);
			if (cyrillic == null) {
				// The Latin name alone, marked with its language: Latin script is not Mongolian's (WCAG 3.1.2).
				return new Shown(latin, isCyrillic(latin) ? null : language(place.countryCode(), "Latn"), null, null);
			}
			String cyrillicLang = cyrillic.equals(place.nativeName()) && !"MN".equals(place.countryCode())
					? language(place.countryCode(), "Cyrl") : null;
			return new Shown(cyrillic, cyrillicLang, latin.equals(cyrillic) ? null : latin,
					latin.equals(cyrillic) ? null : language(place.countryCode(), "Latn"));
		}
		String beside = place.nativeName() == null || place.nativeName().isBlank()
				|| place.nativeName().equals(latin) ? null : place.nativeName();
		return new Shown(latin, null, beside,
				beside == null ? null : language(place.countryCode(), place.nativeScript() == null ? "Latn" : place.nativeScript()));
	}

	/**
	 * The place's Cyrillic name: its native name when written in Cyrillic, else the Cyrillic alternate
	 * name nearest to the Latin name transliterated (first of equals), else null.
	 */
	public static String cyrillic(Spellings place) {
		if (place.nativeName() != null && isCyrillic(place.nativeName())) {
			return place.nativeName();
		}
		List<String> cyrillic = place.alternateNames().stream().filter(PlaceNames::isCyrillic).toList();
		if (cyrillic.size() <= 1) {
			return cyrillic.isEmpty() ? null : cyrillic.get(0);
		}
		String rendered = transliterated(place.name());
		String best = null;
		int distance = Integer.MAX_VALUE;
		for (String candidate : cyrillic) {
			// Letters Russian and Mongolian do not write (Serbian ј, Macedonian ќ, Ukrainian і …) count against.
			int d = distance(rendered, candidate.toLowerCase(Locale.ROOT))
					+ (candidate.toLowerCase(Locale.ROOT).matches("[а-яёөү\\P{L}]*") ? 0 : 2);
			if (d < distance) {
				best = candidate;
				distance = d;
			}
		}
		return best;
	}

	/** Whether the text is written in Cyrillic: it has Cyrillic letters and no Latin ones. */
	public static boolean isCyrillic(String text) {
		if (text == null) {
			return false;
		}
		boolean cyrillic = false;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			if (Character.isLetter(cp)) {
				Character.UnicodeScript script = Character.UnicodeScript.of(cp);
				if (script == Character.UnicodeScript.LATIN) {
					return false;
				}
				cyrillic |= script == Character.UnicodeScript.CYRILLIC;
			}
			i += Character.charCount(cp);
		}
		return cyrillic;
	}

	/**
	 * The tag for a place's name in a script: the country's likely language (CLDR), with the script
	 * when it is not that language's usual one ({@code mn-Latn} for Darkhan, {@code hu} for Kaposvár,
	 * {@code sr-Latn} for Niš, {@code sr} for Ниш).
	 */
	static String language(String countryCode, String script) {
		if (countryCode == null || countryCode.isBlank()) {
			return "Latn".equals(script) ? "en" : null;
		}
		// CLDR's likely subtags are fixed data; a register page asks for the same few countries on every row.
		String tag = LANGUAGES.computeIfAbsent(countryCode + '/' + Objects.toString(script, ""),
				key -> Objects.toString(likelyLanguage(countryCode, script), ""));
		return tag.isEmpty() ? null : tag;
	}

	private static String likelyLanguage(String countryCode, String script) {
		ULocale likely = ULocale.addLikelySubtags(new ULocale("und_" + countryCode));
		String language = likely.getLanguage();
		if (language.isEmpty() || "und".equals(language)) {
			return null;
		}
		return script == null || script.equals(likely.getScript()) ? language : language + "-" + script;
	}

	// ----- the bean, for templates and callers that hold an id -----

	/** The place's name as a page in this language shows it; {@code name} is its Latin name, as the caller holds it. */
	public Shown of(Long id, String name, Locale locale) {
		return of(id, name, null, locale);
	}

	/**
	 * As {@link #of(Long, String, Locale)}, with the native name the caller holds, used when the
	 * place's spellings cannot be read.
	 */
	public Shown of(Long id, String name, String nativeName, Locale locale) {
		Kept k = id == null ? null : kept(id);
		if (k != null) {
			return k.shown().computeIfAbsent(locale == null ? "" : locale.getLanguage(), language -> choose(k.spellings(), locale));
		}
		return choose(new Spellings(Objects.toString(name, ""), nativeName, isCyrillic(nativeName) ? "Cyrl" : null,
				List.of(), null), locale);
	}

	/**
	 * As {@link #name(Long, String, Locale)}, for a sentence of a page: a name that is not in the
	 * reader's script ("Fejér" on a Mongolian page, where no Cyrillic name is known) is marked as text of
	 * its own ({@link org.citybridge.system.Text#typed}), which the page writes as {@code <bdi lang="">}.
	 */
	public String quoted(Long id, String name, Locale locale) {
		if (!ownNameReader(locale)) {
			return Objects.toString(name, "");
		}
		Spellings spellings = id == null ? null : spellings(id);
		if (spellings == null) {
			String plain = Objects.toString(name, "");
			return plain.isEmpty() || isCyrillic(plain) ? plain : org.citybridge.system.Text.typed(plain);
		}
		Shown shown = choose(spellings, locale);
		return shown.firstLang() == null ? shown.first() : org.citybridge.system.Text.typed(shown.first());
	}

	/** The name that comes first on a page in this language ("Дархан" on Mongolian pages, "Darkhan" else). */
	public String name(Long id, String name, Locale locale) {
		if (id == null || !ownNameReader(locale)) {
			return Objects.toString(name, "");
		}
		Spellings spellings = spellings(id);
		return spellings == null ? Objects.toString(name, "") : choose(spellings, locale).first();
	}

	/**
	 * An agreement's title in the reader's script: a title that is its parties' names joined by dashes
	 * ("Darkhan – Kaposvár") reads with each name as {@link #name} gives it ("Дархан – Kaposvár" on
	 * Mongolian pages); a title of its own is left as it is.
	 */
	public String title(String title, List<Long> ids, List<String> names, Locale locale) {
		if (title == null || ids == null || names == null || ids.size() != names.size() || !ownNameReader(locale)) {
			return Objects.toString(title, "");
		}
		List<TitledParty> parties = partiesIn(title, ids, names);
		if (parties == null) {
			return title;
		}
		return parties.stream().map(p -> name(p.id(), p.name(), locale)).collect(java.util.stream.Collectors.joining(" – "));
	}

	/**
	 * An agreement's title made of its parties' names, each as {@link #of} shows it first (for a page
	 * to mark each with its language: "Дархан – <span lang=hu>Kaposvár</span>"); null for a title of
	 * its own, which the page shows as it is.
	 */
	public List<Shown> titleParts(String title, List<Long> ids, List<String> names, Locale locale) {
		List<TitledParty> parties = partiesIn(title, ids, names);
		if (parties == null) {
			return null;
		}
		return parties.stream().map(p -> {
			Shown one = of(p.id(), p.name(), locale);
			return new Shown(one.first(), one.firstLang(), null, null);
		}).toList();
	}

	/** A party of an agreement as its title names it. */
	private record TitledParty(Long id, String name) {
	}

	/**
	 * The parties in the order a title made of their names ("Darkhan – Kaposvár") gives them; null
	 * for a title of its own (or parties that do not match it).
	 */
	private static List<TitledParty> partiesIn(String title, List<Long> ids, List<String> names) {
		if (title == null || ids == null || names == null || ids.size() != names.size()) {
			return null;
		}
		String[] parts = title.split(" – ", -1);
		if (parts.length != names.size()) {
			return null;
		}
		Map<String, Long> byName = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			byName.put(names.get(i), ids.get(i));
		}
		List<TitledParty> parties = new java.util.ArrayList<>();
		for (String part : parts) {
			if (!byName.containsKey(part)) {
				return null;
			}
			parties.add(new TitledParty(byName.get(part), part));
		}
		return parties;
	}

	/** A region's name in the reader's script where a Cyrillic one is known ("Дархан-Уул"), else as stored. */
	public String division(String countryCode, String division, Locale locale) {
		if (division == null || !cyrillicReader(locale)) {
			return division;
		}
		return this.divisions.getOrDefault(countryCode + "|" + division, division);
	}

	/**
	 * The tag to mark a region's name with where it stays in Latin script on a Mongolian page (no
	 * Cyrillic name known), so that a screen reader reads it as the country's language; else null.
	 */
	public String divisionLang(String countryCode, String division, Locale locale) {
		if (division == null || !cyrillicReader(locale) || isCyrillic(division(countryCode, division, locale))) {
			return null;
		}
		return language(countryCode, "Latn");
	}

	/** Forgets what is kept of these places, after their names changed. */
	public void forget(Collection<Long> ids) {
		ids.forEach(this.kept::remove);
	}

	Spellings spellings(long id) {
		Kept k = kept(id);
		return k == null ? null : k.spellings();
	}

	/** The place's spellings as kept (read again after {@link #KEPT}), null for a place not in the directory. */
	private Kept kept(long id) {
		Instant now = this.clock.instant();
		Kept k = this.kept.get(id);
		if (k != null && k.at().plus(KEPT).isAfter(now)) {
			return k;
		}
		Spellings read = this.reader.apply(id);
		if (read == null) {
			return null;
		}
		if (this.kept.size() > MAX_KEPT) {
			this.kept.clear();
		}
		Kept fresh = new Kept(read, now, new ConcurrentHashMap<>());
		this.kept.put(id, fresh);
		return fresh;
	}

	private Spellings read(long id) {
		return this.jdbc.sql("""
				SELECT name, native_name, native_script, alternate_names, country_code, name_fr FROM municipalities WHERE id = ?
				""").param(id).query((rs, n) -> {
					java.sql.Array array = rs.getArray(4);
					List<String> alternates = array == null ? List.of() : List.of((String[]) array.getArray());
					return new Spellings(rs.getString(1), rs.getString(2), rs.getString(3), alternates, rs.getString(5),
							rs.getString(6));
				}).optional().orElse(null);
	}

	private static String transliterated(String latin) {
		String plain = Normalizer.normalize(latin.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		return Transliterator.getInstance("Latin-Cyrillic").transliterate(plain);
	}

	/** Levenshtein distance. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static Map<String, String> readDivisions() {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get();
		Map<String, String> names = new HashMap<>();
		try (Reader reader = new InputStreamReader(new ClassPathResource(DIVISIONS).getInputStream(),
				StandardCharsets.UTF_8)) {
			for (CSVRecord row : format.parse(reader)) {
				names.put(row.get("country_code") + "|" + row.get("division"), row.get("cyrillic"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + DIVISIONS, ex);
		}
		return Map.copyOf(names);
	}
}
