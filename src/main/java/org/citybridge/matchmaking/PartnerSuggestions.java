package org.citybridge.matchmaking;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.citybridge.country.Countries;
import org.citybridge.country.Country;
import org.citybridge.country.CountryGroup;
import org.citybridge.matchmaking.ranking.CandidateIndex;
import org.citybridge.municipality.PlaceNames;
import org.citybridge.matchmaking.ranking.RankingQuery;
import org.citybridge.matchmaking.ranking.Scored;
import org.citybridge.matchmaking.ranking.Snapshot;
import org.citybridge.system.DisplayNames;
import org.citybridge.theme.Themes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Ranks every other municipality as a partner for one municipality, from public data only. Every
 * candidate is scored in one pass over {@link CandidateIndex}, a compact copy of the directory
 * and the agreement graph in primitive arrays that is rebuilt when the data changes; a statement
 * then reads the details of the page's twenty rows, from which the reasons are written in the
 * reader's language. Ties are broken by the candidate's id, so the same data always gives the
 * same order.
 */
@Service
@Transactional(readOnly = true)
public class PartnerSuggestions {

	/** The municipality suggestions are for. */
	public record Subject(long id, String name, String countryCode, String kind, Integer population,
			List<String> languages) {
	}

	/**
	 * One reason for a candidate's score: what a person reads (as text, and as HTML with the names in
	 * another language than the page's marked with their {@code lang}), and the points it adds.
	 */
	public record Reason(String signal, String text, double points, String html) {
	}

	/**
	 * One suggested partner with its score and reasons, best first, and the themes its reasons name
	 * (offered, sought or shared), in the themes' order: what a request to it would be about.
	 */
	public record Suggestion(int rank, long id, String name, String countryCode, String kind, Integer population,
			boolean seeking, double score, List<Reason> reasons, List<String> themes) {
	}

	/**
	 * The share of its full points that a signal with a sliding scale (size) must add to be given
	 * as a reason: below it, the signal still counts in the score, but "similar size" would not be
	 * true of two places far apart (half the points: populations within about three times).
	 */
	static final double LEAST_SHARE_SHOWN = 0.5;

	/**
	 * A page of suggestions, and whether more follow. Counting every candidate would cost a second
	 * pass over the directory, so the page only knows whether there is a next one.
	 */
	public record Page(List<Suggestion> suggestions, int page, int pageSize, boolean hasNext) {

		public int firstRank() {
			return (this.page - 1) * this.pageSize + 1;
		}

		public int lastRank() {
			return firstRank() + this.suggestions.size() - 1;
		}

		public boolean hasPrevious() {
			return this.page > 1;
		}
	}

	/** A scored candidate before its details are read: what the ranking itself produces. */
	record Ranked(long id, double score) {
	}

	/** What the reasons of the page's rows are written from. */
	static final String DETAILS = """
			WITH a AS (SELECT id, name, country_code, kind, population, working_languages FROM municipalities WHERE id = :a),
			links AS (
			    SELECT me.municipality_id AS m, other.municipality_id AS p
			    FROM agreement_parties me
			    JOIN agreements g ON g.id = me.agreement_id AND g.status <> 'ENDED' AND g.id <> :hidden
			    JOIN agreement_parties other ON other.agreement_id = me.agreement_id AND other.municipality_id <> me.municipality_id
			    WHERE me.municipality_id = :a OR me.municipality_id = ANY (CAST(:ids AS bigint[]))
			       OR other.municipality_id = ANY (CAST(:ids AS bigint[])))
			SELECT m.id, m.name, m.country_code, m.kind, m.population, m.seeking_partners, c.country_group,
			    ARRAY(SELECT o.theme_code FROM municipality_offered_themes o JOIN municipality_sought_themes s
			          ON s.theme_code = o.theme_code AND s.municipality_id = a.id JOIN themes t ON t.code = o.theme_code
			          WHERE o.municipality_id = m.id ORDER BY t.position) AS offers_sought,
			    ARRAY(SELECT s.theme_code FROM municipality_sought_themes s JOIN municipality_offered_themes o
			          ON o.theme_code = s.theme_code AND o.municipality_id = a.id JOIN themes t ON t.code = s.theme_code
			          WHERE s.municipality_id = m.id ORDER BY t.position) AS seeks_offered,
			    ARRAY(SELECT DISTINCT x.theme_code FROM (
			              SELECT o.theme_code FROM municipality_offered_themes o JOIN municipality_offered_themes ao
			                  ON ao.theme_code = o.theme_code AND ao.municipality_id = a.id WHERE o.municipality_id = m.id
			              UNION SELECT s.theme_code FROM municipality_sought_themes s JOIN municipality_sought_themes aso
			                  ON aso.theme_code = s.theme_code AND aso.municipality_id = a.id WHERE s.municipality_id = m.id) x
			          ORDER BY 1) AS shared,
			    ARRAY(SELECT l FROM unnest(m.working_languages) AS l WHERE l = ANY (a.working_languages) ORDER BY 1) AS languages,
			    ARRAY(SELECT coalesce(org.short_name, org.name) FROM organisation_members x
			          JOIN organisation_members y ON y.organisation_id = x.organisation_id AND y.municipality_id = a.id
			          JOIN organisations org ON org.id = x.organisation_id
			          WHERE x.municipality_id = m.id ORDER BY 1) AS networks,
			    ARRAY(SELECT DISTINCT pm.name FROM links l1 JOIN links l2 ON l2.m = l1.p AND l2.p = m.id
			          JOIN municipalities pm ON pm.id = l1.p WHERE l1.m = a.id ORDER BY 1) AS via,
			    (SELECT count(DISTINCT l.m) FROM links l JOIN municipalities c2 ON c2.id = l.m
			     WHERE l.p = m.id AND c2.country_code = a.country_code AND l.m <> a.id) AS like_a,
			    a.name AS a_name, a.population AS a_population, a.kind AS a_kind, a.country_code AS a_country
			FROM municipalities m CROSS JOIN a JOIN countries c ON c.code = m.country_code
			WHERE m.id = ANY (CAST(:ids AS bigint[]))
			""";

	private final JdbcClient jdbc;

	private final CandidateIndex index;

	private final SuggestionWeights weights;

	private final ObjectProvider<FundingFeasibility> funding;

	private final MessageSource messages;

	private final DisplayNames names;

	private final Countries countries;

	private final Themes themes;

	private final PlaceNames placeNames;

	PartnerSuggestions(JdbcClient jdbc, CandidateIndex index, ObjectProvider<FundingFeasibility> funding,
			MessageSource messages, DisplayNames names, Countries countries, Themes themes, PlaceNames placeNames) {
		this.themes = themes;
		this.placeNames = placeNames;
		this.index = index;
		this.countries = countries;
		this.jdbc = jdbc;
		this.weights = SuggestionWeights.DEFAULT;
		this.funding = funding;
		this.messages = messages;
		this.names = names;
	}

	CandidateIndex index() {
		return this.index;
	}

	public SuggestionWeights weights() {
		return this.weights;
	}

	public Optional<Subject> subject(long id) {
		return this.jdbc.sql("""
				SELECT id, name, country_code, kind, population, working_languages FROM municipalities WHERE id = ?
				""").param(id).query((rs, n) -> new Subject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				(Integer) rs.getObject(5), strings(rs.getArray(6)))).optional();
	}

	/**
	 * The municipality's best suggestions without any filter, at most {@code count} (up to a page),
	 * with reasons in the locale's language: what an officer's home page shows.
	 */
	public List<Suggestion> top(long municipalityId, int count, Locale locale) {
		List<Suggestion> page = suggest(municipalityId, SuggestionFilter.none(), locale).suggestions();
		return page.subList(0, Math.min(Math.max(0, count), page.size()));
	}

	/** The page of suggestions for the municipality, with reasons in the locale's language. */
	Page suggest(long municipalityId, SuggestionFilter filter, Locale locale) {
		List<FundingFeasibility.Scheme> instruments = instruments(municipalityId);
		List<Ranked> ranked = new ArrayList<>();
		rank(municipalityId, filter, instruments, -1, SuggestionFilter.PAGE_SIZE + 1, filter.offset())
			.forEach(row -> ranked.add(new Ranked(row.id(), row.score())));
		boolean hasNext = ranked.size() > SuggestionFilter.PAGE_SIZE;
		if (hasNext) {
			ranked.remove(ranked.size() - 1);
		}
		if (ranked.isEmpty()) {
			return new Page(List.of(), filter.page(), SuggestionFilter.PAGE_SIZE, false);
		}
		Map<Long, Details> details = details(municipalityId, ranked.stream().map(Ranked::id).toList(), -1);
		List<String> themeOrder = this.themes.codes();
		List<Suggestion> suggestions = new ArrayList<>();
		// The subject's own name in the reasons ("… Darkhan seeks") in the reader's script (Дархан): the
		// same subject on every row, named once.
		String shownA = this.placeNames.name(municipalityId, details.get(ranked.get(0).id()).aName(), locale);
		for (int i = 0; i < ranked.size(); i++) {
			Ranked r = ranked.get(i);
			Details d = details.get(r.id()).naming(shownA);
			suggestions.add(new Suggestion(filter.offset() + i + 1, r.id(), d.name, d.countryCode, d.kind, d.population,
					d.seeking, Math.round(r.score() * 10) / 10.0, reasons(d, instruments, locale), themes(d, themeOrder)));
		}
		return new Page(suggestions, filter.page(), SuggestionFilter.PAGE_SIZE, hasNext);
	}

	/** One ranked row; used by the page and by the evaluation. */
	record Row(long id, double score) {
	}

	List<Row> rank(long municipalityId, SuggestionFilter filter, List<FundingFeasibility.Scheme> instruments,
			long hiddenAgreement, int limit, int offset) {
		Snapshot s = this.index.current();
		int a = s.index(municipalityId);
		if (a < 0) {
			return List.of();
		}
		RankingQuery q = this.index.query(s, a, filter, targetCountries(filter), fundingCountries(instruments),
				hiddenAgreement);
		Scored scored = s.scoreAll(q, this.weights);
		List<Row> rows = new ArrayList<>();
		for (int k : scored.page(offset, limit)) {
			rows.add(new Row(s.id(scored.candidates()[k]), scored.scores()[k]));
		}
		return rows;
	}

	/** The countries whose municipalities one of the instruments is open to, with the subject. */
	String[] fundingCountries(List<FundingFeasibility.Scheme> instruments) {
		Set<String> fundingGroups = instruments.stream().flatMap(i -> i.partnerGroups().stream()).map(CountryGroup::name)
			.collect(Collectors.toSet());
		return this.countries.all().stream()
			.filter(c -> fundingGroups.contains(c.group().name())).map(Country::code).toArray(String[]::new);
	}

	/**
	 * The countries the filter allows, its groups resolved: empty for any country; a country no
	 * municipality has when countries and groups exclude each other.
	 */
	String[] targetCountries(SuggestionFilter filter) {
		if (filter.groups().isEmpty()) {
			return filter.countries().toArray(String[]::new);
		}
		Set<String> inGroups = this.countries.all().stream().filter(c -> filter.groups().contains(c.group().name()))
			.map(Country::code).collect(Collectors.toSet());
		List<String> allowed = filter.countries().isEmpty() ? List.copyOf(inGroups)
				: filter.countries().stream().filter(inGroups::contains).toList();
		return allowed.isEmpty() ? new String[] { "--" } : allowed.stream().sorted().toArray(String[]::new);
	}

	/** The funding instruments the municipality may use, for reasons written outside this page (meetings). */
	List<FundingFeasibility.Scheme> instrumentsOf(long municipalityId) {
		return instruments(municipalityId);
	}

	/** The subject's name in the reader's script, as the reasons name it. */
	String shownName(long municipalityId, String name, Locale locale) {
		return this.placeNames.name(municipalityId, name, locale);
	}

	private List<FundingFeasibility.Scheme> instruments(long municipalityId) {
		return this.funding.getIfAvailable(() -> FundingFeasibility.NONE).instrumentsFor(municipalityId);
	}

	/** What a page row's reasons are written from. */
	record Details(long id, String name, String countryCode, String kind, Integer population, boolean seeking,
			String countryGroup, List<String> offersSought, List<String> seeksOffered, List<String> shared,
			List<String> languages, List<String> networks, List<String> via, long likeA, String aName,
			Integer aPopulation, String aKind, String aCountry) {

		/** The same, the subject named as the page shows it. */
		Details naming(String shownA) {
			return new Details(id, name, countryCode, kind, population, seeking, countryGroup, offersSought, seeksOffered,
					shared, languages, networks, via, likeA, shownA, aPopulation, aKind, aCountry);
		}
	}

	Map<Long, Details> details(long municipalityId, List<Long> ids, long hiddenAgreement) {
		Map<Long, Details> details = new LinkedHashMap<>();
		this.jdbc.sql(DETAILS)
			.param("a", municipalityId)
			.param("hidden", hiddenAgreement)
			.param("ids", ids.toArray(Long[]::new))
			.query(PartnerSuggestions::details)
			.list()
			.forEach(d -> details.put(d.id(), d));
		return details;
	}

	private static Details details(ResultSet rs, int n) throws SQLException {
		return new Details(rs.getLong("id"), rs.getString("name"), rs.getString("country_code"), rs.getString("kind"),
				(Integer) rs.getObject("population"), rs.getBoolean("seeking_partners"), rs.getString("country_group"),
				strings(rs.getArray("offers_sought")), strings(rs.getArray("seeks_offered")), strings(rs.getArray("shared")),
				strings(rs.getArray("languages")), strings(rs.getArray("networks")), strings(rs.getArray("via")),
				rs.getLong("like_a"), rs.getString("a_name"), (Integer) rs.getObject("a_population"), rs.getString("a_kind"),
				rs.getString("a_country"));
	}

	/** The reasons, in the order of the weights, each with the points its signal adds. */
	List<Reason> reasons(Details d, List<FundingFeasibility.Scheme> instruments, Locale locale) {
		SuggestionWeights w = this.weights;
		List<Reason> reasons = new ArrayList<>();
		if (!d.offersSought().isEmpty()) {
			reasons.add(reason("complementarity", w.complementarity() * d.offersSought().size(), locale,
					"matchmaking.reason.offers", themes(d.offersSought(), locale), d.aName()));
		}
		if (!d.seeksOffered().isEmpty()) {
			reasons.add(reason("complementarity", w.complementarity() * d.seeksOffered().size(), locale,
					"matchmaking.reason.seeks", themes(d.seeksOffered(), locale), d.aName()));
		}
		if (!d.shared().isEmpty()) {
			reasons.add(reason("sharedTheme", w.sharedTheme() * d.shared().size(), locale, "matchmaking.reason.shared",
					themes(d.shared(), locale)));
		}
		if (d.population() != null && d.aPopulation() != null) {
			double similarity = Math.max(0, 1 - Math.abs(Math.log(d.population()) - Math.log(d.aPopulation())) / Math.log(10));
			if (similarity >= LEAST_SHARE_SHOWN) {
				// Numbers, not text: the message writes them in the page's locale and chooses the plural.
				reasons.add(reason("size", w.size() * similarity, locale, "matchmaking.reason.size", d.aPopulation(),
						d.population()));
			}
		}
		if (d.kind().equals(d.aKind())) {
			reasons.add(reason("kind", w.kind(), locale, "matchmaking.reason.kind",
					this.messages.getMessage("municipality.kind." + d.kind(), null, d.kind(), locale)));
		}
		if (!d.languages().isEmpty()) {
			reasons.add(reason("language", w.language(), locale, "matchmaking.reason.languages",
					d.languages().stream().map(l -> this.names.language(l, locale)).collect(Collectors.joining(", "))));
		}
		if (!d.networks().isEmpty()) {
			reasons.add(reason("network", w.network() * d.networks().size(), locale, "matchmaking.reason.networks",
					String.join(", ", d.networks())));
		}
		if (d.seeking()) {
			reasons.add(reason("seeking", w.seeking(), locale, "matchmaking.reason.seeking"));
		}
		if (!d.via().isEmpty()) {
			reasons.add(reason("partnerOfPartner", w.partnerOfPartner() * Math.min(d.via().size(), w.partnerOfPartnerCap()),
					locale, "matchmaking.reason.partnerOfPartner", String.join(", ", d.via())));
		}
		if (d.likeA() > 0) {
			reasons.add(reason("likeYou", w.likeYou() * Math.min(d.likeA(), w.likeYouCap()), locale,
					"matchmaking.reason.likeYou", d.likeA(), this.names.country(d.aCountry(), locale)));
		}
		List<FundingFeasibility.Scheme> open = instruments.stream()
			.filter(i -> i.partnerGroups().stream().anyMatch(g -> g.name().equals(d.countryGroup())))
			.toList();
		if (!open.isEmpty()) {
			reasons.add(marked("funding", w.funding(), locale, "matchmaking.reason.funding", open));
		}
		return reasons;
	}

	/** The themes a page row's reasons name, each once, in the order of the theme list. */
	private static List<String> themes(Details d, List<String> order) {
		Set<String> named = new java.util.HashSet<>(d.offersSought());
		named.addAll(d.seeksOffered());
		named.addAll(d.shared());
		if (named.isEmpty()) {
			return List.of();
		}
		return order.stream().filter(named::contains).toList();
	}

	private Reason reason(String signal, double points, Locale locale, String key, Object... arguments) {
		String text = this.messages.getMessage(key, arguments, locale);
		return new Reason(signal, text, Math.round(points * 10) / 10.0, HtmlUtils.htmlEscape(text, "UTF-8"));
	}

	/** A reason naming instruments, each name in another language than the page's marked with its own. */
	private Reason marked(String signal, double points, Locale locale, String key, List<FundingFeasibility.Scheme> names) {
		String text = this.messages.getMessage(key,
				new Object[] { names.stream().map(FundingFeasibility.Scheme::name).collect(Collectors.joining(", ")) }, locale);
		String html = names.stream()
			.map(n -> n.nameLang() == null ? HtmlUtils.htmlEscape(n.name(), "UTF-8")
					: "<span lang=\"" + HtmlUtils.htmlEscape(n.nameLang(), "UTF-8") + "\">" + HtmlUtils.htmlEscape(n.name(), "UTF-8") + "</span>")
			.collect(Collectors.joining(", "));
		String frame = HtmlUtils.htmlEscape(this.messages.getMessage(key, new Object[] { "\u0000" }, locale), "UTF-8");
		return new Reason(signal, text, Math.round(points * 10) / 10.0, frame.replace("\u0000", html));
	}

	private String themes(List<String> codes, Locale locale) {
		return codes.stream().map(c -> this.messages.getMessage("theme." + c, null, c, locale)).collect(Collectors.joining(", "));
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		Object[] values = (Object[]) array.getArray();
		return Arrays.stream(values).map(String::valueOf).toList();
	}
}
