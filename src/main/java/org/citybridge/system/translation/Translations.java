package org.citybridge.system.translation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The translatable texts of one page item (a session with its room and track, an instrument, a
 * network), each with its original, the original's language and the translations staff gave, as
 * read from a row's {@code content_lang} and {@code translations} columns (V60: a jsonb object
 * keyed by language and then by field). {@link #pick} chooses what a reader sees.
 */
public final class Translations {

	/** The languages content may be given in, the portal's own. */
	public static final List<String> LANGUAGES = List.of("en", "mn", "fr");

	/** The languages a text may be translated into from an English original, as staff forms offer them. */
	public static final List<String> TRANSLATED = List.of("mn", "fr");

	public static final Translations NONE = new Translations(Map.of());

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Map<String, String>>> SHAPE = new TypeReference<>() {
	};

	/** One field: its original, the original's language, and its texts in other languages. */
	record Entry(String original, String lang, Map<String, String> others) {
	}

	private final Map<String, Entry> fields;

	private Translations(Map<String, Entry> fields) {
		this.fields = fields;
	}

	/** The reader's language among the portal's, English for any other. */
	public static String language(Locale reader) {
		String lang = reader == null ? "en" : reader.getLanguage();
		return LANGUAGES.contains(lang) ? lang : "en";
	}

	/**
	 * What the reader sees of {@code field}: the text in their language, else the original (marked
	 * as such); null when the field has no text at all.
	 */
	public Translated pick(String field, Locale reader) {
		Entry entry = this.fields.get(field);
		if (entry == null || entry.original() == null || entry.original().isBlank()) {
			return null;
		}
		String lang = language(reader);
		String text = lang.equals(entry.lang()) ? null : entry.others().get(lang);
		return text == null ? new Translated(entry.original(), entry.lang(), true) : new Translated(text, lang, false);
	}

	/** The text of {@code field} in {@code lang} as given (not the original), "" when none: for staff forms. */
	public String given(String field, String lang) {
		Entry entry = this.fields.get(field);
		return entry == null ? "" : entry.others().getOrDefault(lang, "");
	}

	/** The language of the original of {@code field}, English when not known. */
	public String originalLang(String field) {
		Entry entry = this.fields.get(field);
		return entry == null ? "en" : entry.lang();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Gathers fields from one or more rows (a session, its room, its track). */
	public static final class Builder {

		private final Map<String, Entry> fields = new LinkedHashMap<>();

		private String lang = "en";

		private Map<String, Map<String, String>> row = Map.of();

		/** The row the next fields come from: its content_lang and translations (jsonb as text). */
		public Builder from(String contentLang, String translations) {
			this.lang = contentLang == null ? "en" : contentLang;
			this.row = parse(translations);
			return this;
		}

		public Builder put(String field, String original) {
			return put(field, field, original);
		}

		/** The field {@code key} of the current row, known on the page as {@code field}. */
		public Builder put(String field, String key, String original) {
			Map<String, String> others = new HashMap<>();
			this.row.forEach((language, texts) -> {
				String text = texts == null ? null : texts.get(key);
				if (text != null && !text.isBlank()) {
					others.put(language, text);
				}
			});
			this.fields.put(field, new Entry(original, this.lang, Map.copyOf(others)));
			return this;
		}

		public Translations build() {
			return new Translations(Map.copyOf(this.fields));
		}
	}

	/** What a staff form gave for its translatable fields, to become the jsonb its row keeps. */
	public static Given given() {
		return new Given();
	}

	/** A form's translations, field by field: {@code given().field("title", titleMn, titleFr).json()}. */
	public static final class Given {

		private final Map<String, String> texts = new LinkedHashMap<>();

		private Given() {
		}

		/** The Mongolian and French of {@code field} as typed (blank: not translated). */
		public Given field(String field, String mn, String fr) {
			this.texts.put("mn." + field, mn);
			this.texts.put("fr." + field, fr);
			return this;
		}

		public String json() {
			return Translations.json(this.texts);
		}
	}

	/**
	 * The jsonb a row keeps, from what a form gave: {@code texts} maps "lang.field" (such as
	 * {@code mn.title}) to the text; blank texts are left out, the others stripped.
	 */
	public static String json(Map<String, String> texts) {
		Map<String, Map<String, String>> byLang = new LinkedHashMap<>();
		texts.forEach((key, text) -> {
			int dot = key.indexOf('.');
			String lang = key.substring(0, dot);
			if (!LANGUAGES.contains(lang)) {
				throw new IllegalArgumentException(key);
			}
			if (text != null && !text.isBlank()) {
				byLang.computeIfAbsent(lang, l -> new LinkedHashMap<>()).put(key.substring(dot + 1), text.strip());
			}
		});
		return JSON.writeValueAsString(byLang);
	}

	/**
	 * Demo data: gives the rows of {@code table} in {@code scope} (an SQL condition) whose
	 * {@code column} reads {@code english} their Mongolian and French, where neither was given yet
	 * (texts staff translated are left alone). Table, column and scope are the caller's constants,
	 * never input.
	 */
	public static int giveWhereMissing(org.springframework.jdbc.core.simple.JdbcClient jdbc, String table, String column,
			String scope, String english, String mn, String fr) {
		return jdbc.sql("UPDATE " + table + " SET translations = jsonb_set(jsonb_set(translations, '{mn}',"
				+ " coalesce(translations -> 'mn', '{}') || jsonb_build_object(CAST(:column AS text), CAST(:mn AS text))),"
				+ " '{fr}', coalesce(translations -> 'fr', '{}') || jsonb_build_object(CAST(:column AS text), CAST(:fr AS text)))"
				+ " WHERE " + column + " = :english AND " + scope
				+ " AND translations -> 'mn' ->> CAST(:column AS text) IS NULL"
				+ " AND translations -> 'fr' ->> CAST(:column AS text) IS NULL")
			.param("mn", mn).param("fr", fr).param("english", english).param("column", column)
			.update();
	}

	/**
	 * A demo text's Mongolian and French beside its English original, in {@code table}'s
	 * {@code column}: the demo data of each feature lists them and gives them where missing.
	 */
	public record DemoText(String table, String column, String english, String mn, String fr) {

		/** {@link Translations#giveWhereMissing} for this text, in the rows of {@code scope}. */
		public int giveWhereMissing(org.springframework.jdbc.core.simple.JdbcClient jdbc, String scope) {
			return Translations.giveWhereMissing(jdbc, this.table, this.column, scope, this.english, this.mn, this.fr);
		}
	}

	private static Map<String, Map<String, String>> parse(String json) {
		if (json == null || json.isBlank()) {
			return Map.of();
		}
		Map<String, Map<String, String>> parsed = JSON.readValue(json, SHAPE);
		return parsed == null ? Map.of() : parsed;
	}
}
