package org.citybridge.agreement.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.ibm.icu.util.ULocale;
import org.citybridge.country.Countries;
import org.citybridge.country.Country;

import org.springframework.stereotype.Component;

/**
 * Maps the English country names of public partnership lists ({@code People's Republic of China},
 * {@code England, United Kingdom}, {@code Georgia (country)}, {@code Türkiye}) to the ISO codes of
 * the directory's countries: ICU's and the JDK's English display names of every country the
 * directory knows, plus a small table of the other names people use. A name that may mean two
 * countries ({@code Georgia}) gives both: distance to the row's coordinates decides.
 */
@Component
class CountryNames {

	/** Names ICU does not give (older, longer, shorter or misspelt ones), to ISO codes. */
	private static final Map<String, List<String>> ALIASES = Map.ofEntries(
			Map.entry("peoples republic of china", List.of("CN")), Map.entry("prc", List.of("CN")),
			Map.entry("republic of china", List.of("TW")),
			Map.entry("czech republic", List.of("CZ")), Map.entry("czechia", List.of("CZ")),
			Map.entry("republic of north macedonia", List.of("MK")), Map.entry("macedonia", List.of("MK")),
			Map.entry("republic of macedonia", List.of("MK")),
			Map.entry("turkey", List.of("TR")), Map.entry("turkiye", List.of("TR")),
			Map.entry("uk", List.of("GB")), Map.entry("united kingdom", List.of("GB")), Map.entry("great britain", List.of("GB")),
			Map.entry("england", List.of("GB")), Map.entry("scotland", List.of("GB")), Map.entry("wales", List.of("GB")),
			Map.entry("northern ireland", List.of("GB")),
			Map.entry("us", List.of("US")), Map.entry("usa", List.of("US")), Map.entry("united states", List.of("US")),
			Map.entry("united states of america", List.of("US")),
			Map.entry("russia", List.of("RU")), Map.entry("russian federation", List.of("RU")),
			Map.entry("south korea", List.of("KR")), Map.entry("republic of korea", List.of("KR")),
			Map.entry("korea", List.of("KR")), Map.entry("north korea", List.of("KP")),
			Map.entry("republic of ireland", List.of("IE")), Map.entry("ireland", List.of("IE")),
			Map.entry("georgia", List.of("GE", "US")), Map.entry("georgia country", List.of("GE")),
			Map.entry("ivory coast", List.of("CI")), Map.entry("cote divoire", List.of("CI")),
			Map.entry("cape verde", List.of("CV")), Map.entry("eswatini", List.of("SZ")), Map.entry("swaziland", List.of("SZ")),
			Map.entry("east timor", List.of("TL")), Map.entry("timor leste", List.of("TL")),
			Map.entry("micronesia", List.of("FM")), Map.entry("federated states of micronesia", List.of("FM")),
			Map.entry("congo", List.of("CG", "CD")), Map.entry("republic of the congo", List.of("CG")),
			Map.entry("democratic republic of the congo", List.of("CD")),
			Map.entry("bosnia and hercegovina", List.of("BA")), Map.entry("bosnia", List.of("BA")),
			Map.entry("moldavia", List.of("MD")), Map.entry("moldova", List.of("MD")),
			Map.entry("grece", List.of("GR")), Map.entry("kazakhstah", List.of("KZ")), Map.entry("madagaskar", List.of("MG")),
			Map.entry("surinam", List.of("SR")), Map.entry("island", List.of("IS")),
			Map.entry("northern cyprus", List.of("CY")), Map.entry("kosovo", List.of("XK")),
			Map.entry("palestine", List.of("PS")), Map.entry("state of palestine", List.of("PS")),
			Map.entry("west bank", List.of("PS")), Map.entry("gaza strip", List.of("PS")),
			Map.entry("western sahara", List.of("EH", "MA")), Map.entry("vietnam", List.of("VN")),
			Map.entry("laos", List.of("LA")), Map.entry("syria", List.of("SY")), Map.entry("iran", List.of("IR")),
			Map.entry("taiwan", List.of("TW")), Map.entry("brunei", List.of("BN")), Map.entry("burma", List.of("MM")),
			Map.entry("myanmar", List.of("MM")), Map.entry("vatican city", List.of("VA")), Map.entry("holy see", List.of("VA")),
			Map.entry("the netherlands", List.of("NL")), Map.entry("holland", List.of("NL")),
			Map.entry("the gambia", List.of("GM")), Map.entry("gambia", List.of("GM")), Map.entry("the bahamas", List.of("BS")),
			Map.entry("bahamas", List.of("BS")), Map.entry("sao tome and principe", List.of("ST")),
			Map.entry("faroe islands", List.of("FO")), Map.entry("aland islands", List.of("AX", "FI")),
			Map.entry("reunion", List.of("RE", "FR")), Map.entry("martinique", List.of("MQ", "FR")),
			Map.entry("guadeloupe", List.of("GP", "FR")), Map.entry("french guiana", List.of("GF", "FR")),
			Map.entry("mayotte", List.of("YT", "FR")), Map.entry("new caledonia", List.of("NC")),
			Map.entry("french polynesia", List.of("PF")), Map.entry("azores", List.of("PT")), Map.entry("madeira", List.of("PT")),
			Map.entry("canary islands", List.of("ES")), Map.entry("greenland", List.of("GL")),
			Map.entry("hong kong", List.of("HK", "CN")), Map.entry("macau", List.of("MO", "CN")), Map.entry("macao", List.of("MO", "CN")));

	/**
	 * A country's overseas parts that GeoNames files under codes of their own, where a list names
	 * only the country ({@code La Possession, France} is in Réunion, {@code Mariehamn, Finland} in
	 * Åland, {@code Macau, China} in Macau): added when the whole name is the country's, not when a
	 * part names the territory itself ({@code Saint-Joseph, Martinique, France} stays in Martinique).
	 */
	private static final Map<String, List<String>> OVERSEAS = Map.of("FR",
			List.of("RE", "GP", "MQ", "GF", "YT", "BL", "MF", "PM", "NC", "PF", "WF"), "US", List.of("PR", "VI"), "FI",
			List.of("AX"), "CN", List.of("HK", "MO"), "DK", List.of("GL", "FO"));

	private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");


	/** The known countries' codes, read once on first use (not at start-up: only imports need them). */
	private final java.util.function.Supplier<Set<String>> known;

	private volatile Map<String, Set<String>> byName;

	@org.springframework.beans.factory.annotation.Autowired
	CountryNames(Countries countries) {
		this.known = () -> countries.all().stream().map(Country::code).collect(java.util.stream.Collectors.toSet());
	}

	/** Names for the given countries only (tests, or a directory of a few countries). */
	CountryNames(Set<String> known) {
		this.known = () -> known;
	}

	private Map<String, Set<String>> byName() {
		Map<String, Set<String>> names = this.byName;
		if (names == null) {
			synchronized (this) {
				names = this.byName;
				if (names == null) {
					names = build(this.known.get());
					this.byName = names;
				}
			}
		}
		return names;
	}

	private static Map<String, Set<String>> build(Set<String> known) {
		Map<String, Set<String>> names = new HashMap<>();
		for (String code : known) {
			put(names, new ULocale("", code).getDisplayCountry(ULocale.ENGLISH), code);
			put(names, new Locale("", code).getDisplayCountry(Locale.ENGLISH), code);
			put(names, code, code);
		}
		ALIASES.forEach((name, codes) -> codes.stream().filter(known::contains).forEach(code -> put(names, name, code)));
		return names;
	}

	private static void put(Map<String, Set<String>> names, String name, String code) {
		String key = normalise(name);
		if (!key.isEmpty()) {
			names.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(code);
		}
	}

	/**
	 * The ISO codes a country name of a list may mean, empty when none. {@code Lower Saxony,
	 * Germany} and {@code England, United Kingdom} are read part by part; {@code Georgia
	 * (country)} without its qualifier.
	 */
	Set<String> codes(String name) {
		if (name == null || name.isBlank()) {
			return Set.of();
		}
		Set<String> direct = lookup(name);
		if (direct.size() == 1 && OVERSEAS.containsKey(direct.iterator().next())) {
			Set<String> codes = new LinkedHashSet<>(direct);
			OVERSEAS.get(direct.iterator().next()).stream()
				.filter(code -> byName().getOrDefault(normalise(code), Set.of()).contains(code))
				.forEach(codes::add);
			return codes;
		}
		if (!direct.isEmpty()) {
			return direct;
		}
		Set<String> codes = new LinkedHashSet<>();
		for (String part : name.split("[,;/]")) {
			codes.addAll(lookup(part));
		}
		return codes;
	}

	private Set<String> lookup(String name) {
		String text = name.strip();
		String key = normalise(text);
		Set<String> codes = byName().get(key);
		if (codes == null) {
			codes = byName().get(normalise(text.replaceAll("\\s*\\(.*?\\)\\s*", " ")));
		}
		if (codes == null && key.startsWith("in ")) {
			codes = byName().get(key.substring(3));
		}
		if (codes == null && key.startsWith("the ")) {
			codes = byName().get(key.substring(4));
		}
		return codes == null ? Set.of() : codes;
	}

	static String normalise(String name) {
		String s = Normalizer.normalize(name, Normalizer.Form.NFD);
		s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT).replace("&", " and ").replace("'", "").replace("’", "");
		return NOT_WORD.matcher(s).replaceAll(" ").strip();
	}
}
