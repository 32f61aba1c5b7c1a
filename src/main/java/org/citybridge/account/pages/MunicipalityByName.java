package org.citybridge.account.pages;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.citybridge.municipality.MunicipalitySearch;
import org.citybridge.municipality.MunicipalitySummary;
import org.citybridge.municipality.NameKeys;

import org.springframework.stereotype.Component;

/**
 * Finds the municipality a form names, as a person names it (any spelling or script the directory
 * search knows): one municipality of exactly that name is the one meant; several of that name, or
 * only similar names, come back as candidates to choose from, with a message saying which.
 */
@Component
record MunicipalityByName(MunicipalitySearch search, org.springframework.jdbc.core.simple.JdbcClient jdbc) {

	/** How many candidates a name may come back with. */
	static final int CANDIDATES = 10;

	/**
	 * The municipality found ({@code id}), or why none ({@code problem}, a message key that takes
	 * the name) with the candidates to choose from.
	 */
	record Found(Long id, String problem, List<MunicipalitySummary> candidates) {

		static Found one(long id) {
			return new Found(id, null, List.of());
		}
	}

	/**
	 * The municipality named {@code name}; {@code chosen}, a candidate picked earlier, wins when it
	 * is one of the name's candidates (or no name came with it).
	 */
	Found find(String name, Long chosen) {
		boolean named = name != null && !name.isBlank();
		if (chosen != null && !named) {
			return Found.one(chosen);
		}
		if (!named) {
			return new Found(null, "account.invite.municipality.required", List.of());
		}
		List<MunicipalitySummary> found = this.search.find(name.strip(), CANDIDATES);
		if (chosen != null && found.stream().anyMatch(m -> m.id() == chosen)) {
			return Found.one(chosen);
		}
		Set<String> keys = new HashSet<>(NameKeys.of(name));
		List<MunicipalitySummary> exact = found.stream().filter(m -> sameName(keys, m)).toList();
		if (exact.size() == 1) {
			return Found.one(exact.get(0).id());
		}
		if (exact.size() > 1) {
			return new Found(null, "account.invite.municipality.ambiguous", exact);
		}
		return new Found(null, found.isEmpty() ? "account.invite.municipality.unknown" : "account.invite.municipality.similar",
				found);
	}

	/** The names of these municipalities, by id (a read of the directory's table, as read models may). */
	java.util.Map<Long, String> names(Set<Long> ids) {
		if (ids.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		this.jdbc.sql("SELECT id, name FROM municipalities WHERE id = ANY (?)")
			.param(ids.toArray(Long[]::new))
			.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
			.list();
		return names;
	}

	private static boolean sameName(Set<String> keys, MunicipalitySummary m) {
		for (String spelling : new String[] { m.name(), m.nativeName() }) {
			if (spelling != null && NameKeys.of(spelling).stream().anyMatch(keys::contains)) {
				return true;
			}
		}
		return false;
	}

	/** The name of the municipality with this id, as the directory has it; null if there is none. */
	String name(long id) {
		return this.jdbc.sql("SELECT name FROM municipalities WHERE id = ?").param(id).query(String.class).optional().orElse(null);
	}
}
