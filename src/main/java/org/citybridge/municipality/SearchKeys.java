package org.citybridge.municipality;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/**
 * Turns a place name, or what a visitor typed, into normalised search keys: ASCII lower case
 * letters and digits only, so that {@code Niš}, {@code NIS} and {@code Ниш} meet on {@code nis}.
 *
 * <p>A name in Cyrillic gets one key per romanisation a user may have learnt (ICU's general
 * {@code Any-Latin} plus the BGN/PCGN and MNS systems for Mongolian, Russian, Ukrainian,
 * Bulgarian, Serbian and Macedonian), because they disagree ({@code Дархан} is {@code Darhan} or
 * {@code Darkhan}). Every key is then folded so that the usual variants of one romanisation
 * coincide: diacritics go, {@code kh}/{@code x} become {@code h}, {@code ts}/{@code ch} become
 * {@code c}, {@code sh} becomes {@code s}, {@code zh}/{@code dz} become {@code z}, {@code y}/{@code j}
 * become {@code i}, {@code w} becomes {@code v}, doubled letters are single and spaces, hyphens and
 * punctuation disappear. Folding makes distinct names collide sometimes; ranking by exactness and
 * population sorts them out, and a missed place costs a user more than an extra line.
 */
public final class SearchKeys {

	/** Longest key kept; longer input is cut (a name is at most 200 characters). */
	static final int MAX_KEY_LENGTH = 300;

	private static final String GENERAL = "Any-Latin; Latin-ASCII";

	/** Romanisations of Cyrillic that users learn at school or see on maps and passports. */
	private static final List<String> CYRILLIC_SYSTEMS = List.of("Mongolian-Latin/BGN", "mn-mn_Latn/MNS",
			"Russian-Latin/BGN", "Ukrainian-Latin/BGN", "Bulgarian-Latin/BGN", "Serbian-Latin/BGN",
			"Macedonian-Latin/BGN");

	private static final Pattern NOT_KEY = Pattern.compile("[^a-z0-9]+");

	private static final Pattern REPEATS = Pattern.compile("([a-z0-9])\\1+");

	private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

	// ICU transliterators are not documented as thread-safe: one set per thread.
	private static final ThreadLocal<Transliterators> TRANSLITERATORS = ThreadLocal.withInitial(Transliterators::new);

	private SearchKeys() {
	}

	/** The keys of one name: the general one first, then each other romanisation's, without repeats. */
	static List<String> of(String name) {
		if (name == null || name.isBlank()) {
			return List.of();
		}
		String text = name.length() > MAX_KEY_LENGTH ? name.substring(0, MAX_KEY_LENGTH) : name;
		Set<String> keys = new LinkedHashSet<>();
		if (isAscii(text)) {
			add(keys, text);
			return List.copyOf(keys);
		}
		Transliterators t = TRANSLITERATORS.get();
		add(keys, t.general.transliterate(text));
		if (CYRILLIC.matcher(text).find()) {
			for (Transliterator system : t.cyrillic) {
				add(keys, t.general.transliterate(system.transliterate(text)));
			}
		}
		return List.copyOf(keys);
	}

	/** The keys of several names, without repeats. */
	public static List<String> ofAll(Iterable<String> names) {
		Set<String> keys = new LinkedHashSet<>();
		for (String name : names) {
			keys.addAll(of(name));
		}
		return new ArrayList<>(keys);
	}

	/** Folds one romanised spelling into a key; {@code null} when nothing searchable is left. */
	static String fold(String latin) {
		String s = latin.toLowerCase(Locale.ROOT);
		s = NOT_KEY.matcher(s).replaceAll("");
		s = s.replace("kh", "h")
			.replace('x', 'h')
			.replace("tz", "c")
			.replace("ts", "c")
			.replace("ch", "c")
			.replace("sh", "s")
			.replace("zh", "z")
			.replace("dz", "z")
			.replace('y', 'i')
			.replace('j', 'i')
			.replace('w', 'v');
		s = REPEATS.matcher(s).replaceAll("$1");
		if (s.isEmpty()) {
			return null;
		}
		return s.length() > MAX_KEY_LENGTH ? s.substring(0, MAX_KEY_LENGTH) : s;
	}

	private static void add(Set<String> keys, String romanised) {
		// A system that does not know a letter leaves it as it was: that variant is not a key.
		if (!isAscii(romanised)) {
			return;
		}
		String key = fold(romanised);
		if (key != null) {
			keys.add(key);
		}
	}

	private static boolean isAscii(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) > 0x7e) {
				return false;
			}
		}
		return true;
	}

	private static final class Transliterators {

		final Transliterator general = Transliterator.getInstance(GENERAL);

		final List<Transliterator> cyrillic = CYRILLIC_SYSTEMS.stream().map(Transliterator::getInstance).toList();
	}
}
