package org.citybridge.agreement.imports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A city name as public lists write it, split into the spellings to look for, in order:
 * {@code Pantelej (Niš)} is the district {@code Pantelej}, else the city {@code Niš};
 * {@code Seoul – Gangdong} the district {@code Gangdong}, else {@code Seoul};
 * {@code Miyoshi, Tokushima} the whole name, else {@code Miyoshi}; {@code Biel/Bienne} either;
 * {@code St. Louis} also {@code Saint Louis} and {@code Sankt Louis}.
 */
record PlaceName(String text, List<Spelling> spellings) {

	/**
	 * One spelling to look for; {@code district} when it names a part of a city; {@code listed} the
	 * list's own spelling it stands for (itself, unless it is a known other name of that spelling).
	 */
	record Spelling(String name, boolean district, String listed) {

		Spelling(String name, boolean district) {
			this(name, district, name);
		}
	}

	private static final Pattern BRACKETS = Pattern.compile("^(.+?)\\s*\\((.+)\\)\\s*$");

	private static final Pattern DASH = Pattern.compile("^(.+?)\\s+[–—-]\\s+(.+)$");

	private static final Pattern CITY_NUMBER = Pattern.compile("^(.+?)\\s+([IVXLC]+|\\d+)\\.?$");

	private static final Pattern SAINT = Pattern.compile("\\bSt\\.?\\s+");

	static PlaceName of(String text) {
		String name = text == null ? "" : text.strip().replaceAll("\\s+", " ");
		List<Spelling> spellings = new ArrayList<>();
		if (name.isEmpty()) {
			return new PlaceName(name, List.of());
		}
		Matcher brackets = BRACKETS.matcher(name);
		Matcher dash = DASH.matcher(name);
		if (brackets.matches()) {
			spellings.add(new Spelling(brackets.group(1), true));
			city(spellings, brackets.group(2));
		}
		else if (dash.matches()) {
			spellings.add(new Spelling(dash.group(2), true));
			city(spellings, dash.group(1));
		}
		else {
			spellings.add(new Spelling(name, false));
			if (name.contains(",")) {
				spellings.add(new Spelling(name.substring(0, name.indexOf(',')).strip(), false));
			}
			if (name.contains("/")) {
				for (String part : name.split("/")) {
					spellings.add(new Spelling(part.strip(), false));
				}
			}
		}
		List<Spelling> all = new ArrayList<>();
		for (Spelling s : spellings) {
			all.add(s);
			if (SAINT.matcher(s.name).find()) {
				all.add(new Spelling(SAINT.matcher(s.name).replaceAll("Saint "), s.district));
				all.add(new Spelling(SAINT.matcher(s.name).replaceAll("Sankt "), s.district));
			}
		}
		Set<String> seen = new LinkedHashSet<>();
		List<Spelling> distinct = all.stream().filter(s -> !s.name.isBlank() && seen.add(s.name)).toList();
		return new PlaceName(name, distinct);
	}

	private static void city(List<Spelling> spellings, String city) {
		spellings.add(new Spelling(city.strip(), false));
		Matcher numbered = CITY_NUMBER.matcher(city.strip());
		if (numbered.matches()) {
			spellings.add(new Spelling(numbered.group(1), false));
		}
	}

	/**
	 * This name with each spelling followed by its known other spellings in the given countries
	 * ({@link KnownSpellings}): {@code Cologne} then {@code Köln}.
	 */
	PlaceName withKnownSpellings(Set<String> countries) {
		List<Spelling> all = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		this.spellings.forEach(s -> seen.add(s.name));
		for (Spelling s : this.spellings) {
			all.add(s);
			for (String other : KnownSpellings.of(s.name, countries)) {
				if (seen.add(other)) {
					all.add(new Spelling(other, s.district, s.listed));
				}
			}
		}
		return new PlaceName(this.text, List.copyOf(all));
	}

	/** Whether the first spelling names a district of a city (a bracket or a dash). */
	boolean qualified() {
		return !this.spellings.isEmpty() && this.spellings.get(0).district();
	}
}
