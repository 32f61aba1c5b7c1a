package org.citybridge.agreement.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.citybridge.municipality.NameKeys;

import org.springframework.core.io.ClassPathResource;

/**
 * Other spellings of a place than the one a public list gives, to look for after the list's own
 * ones (and, like them, only near the row's coordinates): the known other names of
 * {@code agreement/known-spellings.csv} ({@code Cologne} is GeoNames' {@code Köln}, {@code Gomel}
 * its {@code Homyel'}, {@code Killarney} its {@code Cill Airne}), and a few rules for how GeoNames
 * writes a country's names where lists write them otherwise: Belarusian cities as {@code Horad
 * Zhodzina} ("city of"), South Korean cities with their suffix ({@code Anyang-si}) or in the older
 * McCune–Reischauer romanisation ({@code Gimhae} is {@code Kimhae}, {@code Jinju} {@code Chinju}),
 * Japanese ones with theirs ({@code Fukui-shi}), Russian, Belarusian, Ukrainian and Kazakh
 * {@code yo} as BGN/PCGN's {@code ë} ({@code Oryol} is {@code Orël}), Israeli {@code Kiryat} as
 * {@code Qiryat}; and for every country a local government area named
 * after its town ({@code Greater Shepparton}, {@code City of Cockburn}) as the town, except in the
 * United Kingdom ({@code Greater Manchester} and the {@code City of London} are not the towns).
 */
final class KnownSpellings {

	private static final String FILE = "agreement/known-spellings.csv";

	private static final Pattern GREATER = Pattern.compile("^(?:Greater|City of)\\s+(.+)$");

	private static final Pattern KOREAN_INITIAL = Pattern.compile("\\b(G|J|B|D)(?=[a-z])");

	/** (country code, key of the list's spelling) → GeoNames' spellings. */
	private static final Map<String, List<String>> TABLE = read();

	private KnownSpellings() {
	}

	/** Further spellings of {@code spelling} in the given countries, without the spelling itself. */
	static List<String> of(String spelling, Set<String> countries) {
		Set<String> more = new LinkedHashSet<>();
		List<String> keys = NameKeys.of(spelling);
		for (String country : countries) {
			for (String key : keys) {
				more.addAll(TABLE.getOrDefault(country + ":" + key, List.of()));
			}
		}
		Matcher greater = GREATER.matcher(spelling);
		if (greater.matches() && !countries.contains("GB")) {
			more.add(greater.group(1));
		}
		if (countries.contains("BY")) {
			more.add("Horad " + spelling);
		}
		if (countries.contains("KR")) {
			more.add(spelling + "-si");
			String older = mccuneReischauer(spelling);
			if (!older.equals(spelling)) {
				more.add(older);
				more.add(older + "-si");
			}
		}
		if (countries.contains("JP")) {
			more.add(spelling + "-shi");
		}
		if ((countries.contains("RU") || countries.contains("BY") || countries.contains("UA") || countries.contains("KZ"))
				&& spelling.contains("yo")) {
			more.add(spelling.replace("yo", "ë"));
		}
		if (countries.contains("IL") && spelling.startsWith("Kiryat ")) {
			more.add("Qiryat " + spelling.substring("Kiryat ".length()));
		}
		more.remove(spelling);
		return new ArrayList<>(more);
	}

	/**
	 * A South Korean name in the Revised Romanisation of 2000 as GeoNames often still writes it, in
	 * McCune–Reischauer without its marks: a word's first G, J, B, D become K, Ch, P, T; eo and eu
	 * become o and u ({@code Gwangmyeong} → {@code Kwangmyong}, which GeoNames' {@code Kwangmyŏng}
	 * matches once its marks are folded).
	 */
	static String mccuneReischauer(String revised) {
		Matcher m = KOREAN_INITIAL.matcher(revised);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String replacement = switch (m.group(1)) {
				case "G" -> "K";
				case "J" -> "Ch";
				case "B" -> "P";
				default -> "T";
			};
			m.appendReplacement(out, replacement);
		}
		m.appendTail(out);
		return out.toString().replace("eo", "o").replace("eu", "u");
	}

	private static Map<String, List<String>> read() {
		Map<String, List<String>> table = new HashMap<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8))) {
			boolean header = true;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				String[] f = line.split(",", 3);
				if (f.length < 3) {
					throw new IllegalStateException(FILE + ": a line without three columns: " + line);
				}
				for (String key : NameKeys.of(f[1].strip())) {
					table.computeIfAbsent(f[0].strip() + ":" + key, k -> new ArrayList<>()).add(f[2].strip());
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Map.copyOf(table);
	}
}
