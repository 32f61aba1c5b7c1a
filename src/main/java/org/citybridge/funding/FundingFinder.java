package org.citybridge.funding;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.citybridge.country.CountryGroup;
import org.citybridge.municipality.PlaceNames;
import org.citybridge.system.DisplayNames;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Which instruments a municipality or a pair of municipalities can use, with a reason for every
 * rule in the reader's language. One call loads the parties, every instrument with its rules and
 * every call not yet closed (four statements), then evaluates everything in memory: never one
 * query per rule or per instrument. Matchmaking and agreement pages call {@link #forPair}.
 */
@Service
@Transactional(readOnly = true)
public class FundingFinder {

	private static final Comparator<Verdict> ORDER = Comparator.comparing(Verdict::eligibility)
		.thenComparing(v -> v.shortName().toLowerCase(Locale.ROOT));

	private final JdbcClient jdbc;

	private final FundingCatalogue catalogue;

	private final MessageSource messages;

	private final DisplayNames names;

	private final PlaceNames places;

	private final Clock clock;

	FundingFinder(JdbcClient jdbc, FundingCatalogue catalogue, MessageSource messages, DisplayNames names,
			PlaceNames places, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.messages = messages;
		this.names = names;
		this.places = places;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Every instrument for one municipality, eligible ones first; empty if there is no such municipality. */
	public List<Verdict> forMunicipality(long municipalityId) {
		return evaluate(parties(municipalityId, null), LocaleContextHolder.getLocale());
	}

	/**
	 * Every instrument for the pair, eligible ones first, then those to check, then the others, each
	 * with its reasons; empty if either municipality does not exist or both are the same.
	 */
	public List<Verdict> forPair(long a, long b) {
		if (a == b) {
			return List.of();
		}
		List<Party> parties = parties(a, b);
		return parties.size() == 2 ? evaluate(parties, LocaleContextHolder.getLocale()) : List.of();
	}

	/** Only the instruments the pair can use or should check, for a short list on another page. */
	public List<Verdict> usableByPair(long a, long b) {
		return forPair(a, b).stream().filter(v -> v.eligibility() != Eligibility.NOT_ELIGIBLE).toList();
	}

	/**
	 * For one municipality, each instrument's short name with the country groups a partner may come
	 * from for the pair to be plainly eligible (a partner country's own exceptions aside): what
	 * partner suggestions weigh. One pass over the instruments, loaded once; empty for an unknown id.
	 */
	public Map<String, java.util.Set<CountryGroup>> partnerGroupsFor(long municipalityId) {
		List<Party> parties = parties(municipalityId, null);
		if (parties.isEmpty()) {
			return Map.of();
		}
		Party self = parties.get(0);
		Map<String, java.util.Set<CountryGroup>> result = new java.util.LinkedHashMap<>();
		for (Instrument instrument : this.catalogue.all()) {
			java.util.Set<CountryGroup> groups = java.util.EnumSet.noneOf(CountryGroup.class);
			for (CountryGroup group : CountryGroup.values()) {
				Party partner = new Party(0, "", "", group);
				if (EligibilityCheck.evaluate(instrument.rules(), List.of(self, partner)).eligibility() == Eligibility.ELIGIBLE) {
					groups.add(group);
				}
			}
			if (!groups.isEmpty()) {
				result.put(instrument.shortName() != null ? instrument.shortName() : instrument.name(), groups);
			}
		}
		return result;
	}

	/**
	 * The municipalities that may use the instrument (eligible, or perhaps) among those with an
	 * active officer: those are the ones someone would hear of it in, so the directory's other
	 * municipalities are never read.
	 */
	public List<Long> officeredMayUse(Instrument instrument) {
		return this.jdbc.sql("""
				SELECT m.id, m.name, m.country_code, c.country_group FROM municipalities m
				JOIN countries c ON c.code = m.country_code
				WHERE m.id IN (SELECT municipality_id FROM accounts
				               WHERE role = 'OFFICER' AND enabled AND deleted_at IS NULL)
				ORDER BY m.id
				""")
			.query((rs, n) -> new Party(rs.getLong(1), rs.getString(2), rs.getString(3),
					CountryGroup.valueOf(rs.getString(4))))
			.list()
			.stream()
			.filter(p -> EligibilityCheck.evaluate(instrument.rules(), List.of(p)).eligibility() != Eligibility.NOT_ELIGIBLE)
			.map(Party::id)
			.toList();
	}

	/** The most municipalities a group may have in the group check. */
	public static final int GROUP_LIMIT = 40;

	/**
	 * Every instrument for a group of municipalities (a consortium, or municipalities picked by name),
	 * rule by rule with what is missing, eligible ones first; empty for an empty group.
	 */
	public List<Verdict> forGroup(List<Long> municipalityIds, Locale locale) {
		List<Party> parties = group(municipalityIds);
		if (parties.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Call>> calls = this.catalogue.currentCalls(this.clock.instant());
		return this.catalogue.all().stream().map(i -> verdict(i, GroupCheck.evaluate(i.rules(), parties), calls, locale))
			.sorted(ORDER).toList();
	}

	/** One instrument's verdict for a group, or empty if there is no such instrument. */
	public Optional<Verdict> forGroup(long instrumentId, List<Long> municipalityIds, Locale locale) {
		return forGroup(instrumentId, null, municipalityIds, locale);
	}

	/**
	 * One instrument's verdict for a group under the rules of one of its calls ({@code callId}): the
	 * call's own group rules replace the instrument's of the same kind, and the verdict names the call.
	 * A call that is not the instrument's, or none, gives the instrument's rules; empty if there is no
	 * such instrument.
	 */
	public Optional<Verdict> forGroup(long instrumentId, Long callId, List<Long> municipalityIds, Locale locale) {
		List<Party> parties = group(municipalityIds);
		Map<Long, List<Call>> calls = this.catalogue.currentCalls(this.clock.instant());
		Call call = callId == null ? null
				: this.catalogue.call(callId).filter(c -> c.instrumentId() == instrumentId).orElse(null);
		List<Rule> callRules = call == null ? List.of() : this.catalogue.callRules(call.id());
		return this.catalogue.all().stream().filter(i -> i.id() == instrumentId).findFirst()
			.map(i -> verdict(i, GroupCheck.evaluate(FundingCatalogue.forCall(i.rules(), callRules), parties), calls,
					locale, call));
	}

	/**
	 * Of these municipalities, those whose country is eligible for the instrument (their bodies may
	 * lead or partner by its country rules); none when the instrument has no such rules or is unknown.
	 */
	public java.util.Set<Long> countingFor(long instrumentId, java.util.Collection<Long> municipalityIds) {
		if (municipalityIds.isEmpty()) {
			return java.util.Set.of();
		}
		List<Rule> rules = this.catalogue.all().stream().filter(i -> i.id() == instrumentId).findFirst()
			.map(Instrument::rules).orElse(List.of());
		return group(List.copyOf(municipalityIds)).stream().filter(p -> GroupCheck.counts(rules, p)).map(Party::id)
			.collect(Collectors.toSet());
	}

	/** The municipalities by id (one statement), in the order asked, each once; unknown ids are left out. */
	public List<Party> group(List<Long> municipalityIds) {
		List<Long> ids = municipalityIds.stream().distinct().limit(GROUP_LIMIT).toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Party> found = this.jdbc.sql("""
				SELECT m.id, m.name, m.country_code, c.country_group FROM municipalities m
				JOIN countries c ON c.code = m.country_code WHERE m.id IN (:ids)
				""").param("ids", ids)
			.query((rs, n) -> new Party(rs.getLong(1), rs.getString(2), rs.getString(3),
					CountryGroup.valueOf(rs.getString(4))))
			.list()
			.stream()
			.collect(Collectors.toMap(Party::id, p -> p));
		return ids.stream().map(found::get).filter(p -> p != null).toList();
	}

	private Verdict verdict(Instrument instrument, EligibilityCheck.Result result, Map<Long, List<Call>> calls,
			Locale locale) {
		return verdict(instrument, result, calls, locale, null);
	}

	private Verdict verdict(Instrument instrument, EligibilityCheck.Result result, Map<Long, List<Call>> calls,
			Locale locale, Call rulesOf) {
		List<Finding> findings = result.findings().stream()
			.map(raw -> new Finding(raw.outcome(), raw.rule(), text(raw.key(), raw.args(), locale),
					html(raw.key(), raw.args(), locale)))
			.toList();
		return new Verdict(instrument.id(), instrument.slug(), instrument.shortName(), instrument.shown("name", locale),
				instrument.example(), result.eligibility(), findings, calls.getOrDefault(instrument.id(), List.of()), rulesOf);
	}

	/** The municipalities by id (one statement), in the order asked; unknown ids are left out. */
	public List<Party> parties(Long a, Long b) {
		List<Long> ids = b == null ? List.of(a) : List.of(a, b);
		Map<Long, Party> found = this.jdbc.sql("""
				SELECT m.id, m.name, m.country_code, c.country_group FROM municipalities m
				JOIN countries c ON c.code = m.country_code WHERE m.id IN (:ids)
				""").param("ids", ids)
			.query((rs, n) -> new Party(rs.getLong(1), rs.getString(2), rs.getString(3),
					CountryGroup.valueOf(rs.getString(4))))
			.list()
			.stream()
			.collect(Collectors.toMap(Party::id, p -> p));
		return ids.stream().map(found::get).filter(p -> p != null).toList();
	}

	public List<Verdict> evaluate(List<Party> parties, Locale locale) {
		if (parties.isEmpty()) {
			return List.of();
		}
		List<Instrument> instruments = this.catalogue.all();
		Map<Long, List<Call>> calls = this.catalogue.currentCalls(this.clock.instant());
		return instruments.stream()
			.map(instrument -> verdict(instrument, EligibilityCheck.evaluate(instrument.rules(), parties), calls, locale))
			.sorted(ORDER)
			.toList();
	}

	/** The instant the finder judges calls at; the page shows the same. */
	public Instant now() {
		return this.clock.instant();
	}

	String text(String key, List<Object> args, Locale locale) {
		Object[] resolved = args.stream().map(arg -> resolve(arg, locale)).toArray();
		return this.messages.getMessage(key, resolved, locale);
	}

	/**
	 * The finding as HTML: the message escaped, each place in the reader's script and each
	 * condition as staff wrote it, marked with its language where that is not the page's.
	 */
	String html(String key, List<Object> args, Locale locale) {
		List<String> marked = new java.util.ArrayList<>();
		Object[] resolved = args.stream().map(arg -> {
			String text;
			String lang;
			if (arg instanceof EligibilityCheck.Place place) {
				PlaceNames.Shown shown = this.places.of(place.id(), place.name(), locale);
				text = shown.first();
				lang = shown.firstLang();
			}
			else if (arg instanceof EligibilityCheck.Places list) {
				String joined = list.places().stream().map(place -> {
					PlaceNames.Shown shown = this.places.of(place.id(), place.name(), locale);
					return shown.firstLang() == null ? HtmlUtils.htmlEscape(shown.first(), "UTF-8")
							: "<span lang=\"" + HtmlUtils.htmlEscape(shown.firstLang(), "UTF-8") + "\">"
									+ HtmlUtils.htmlEscape(shown.first(), "UTF-8") + "</span>";
				}).collect(Collectors.joining(", "));
				marked.add(joined);
				return "\u0001" + (marked.size() - 1) + "\u0002";
			}
			else if (arg instanceof EligibilityCheck.Condition condition) {
				org.citybridge.system.translation.Translated shown = condition.rule().shownCondition(locale);
				text = shown.text();
				lang = shown.markedLang(locale);
			}
			else {
				return resolve(arg, locale);
			}
			marked.add(lang == null ? HtmlUtils.htmlEscape(text, "UTF-8")
					: "<span lang=\"" + HtmlUtils.htmlEscape(lang, "UTF-8") + "\">" + HtmlUtils.htmlEscape(text, "UTF-8") + "</span>");
			return "\u0001" + (marked.size() - 1) + "\u0002";
		}).toArray();
		String html = HtmlUtils.htmlEscape(this.messages.getMessage(key, resolved, locale), "UTF-8");
		for (int i = 0; i < marked.size(); i++) {
			html = html.replace("\u0001" + i + "\u0002", marked.get(i));
		}
		return html;
	}

	private Object resolve(Object arg, Locale locale) {
		if (arg instanceof EligibilityCheck.Place place) {
			return this.places.name(place.id(), place.name(), locale);
		}
		if (arg instanceof EligibilityCheck.Places list) {
			return list.places().stream().map(place -> this.places.name(place.id(), place.name(), locale))
				.collect(Collectors.joining(", "));
		}
		if (arg instanceof EligibilityCheck.Key key) {
			return this.messages.getMessage(key.key(), null, locale);
		}
		if (arg instanceof EligibilityCheck.CountryName country) {
			return this.names.country(country.code(), locale);
		}
		if (arg instanceof EligibilityCheck.Condition condition) {
			return condition.rule().shownCondition(locale).text();
		}
		if (arg instanceof EligibilityCheck.Keys keys) {
			return keys.keys().stream().map(k -> this.messages.getMessage(k, null, locale))
				.collect(Collectors.joining(", "));
		}
		// Numbers stay plain: MessageFormat would group thousands and localise digits otherwise.
		return arg instanceof Integer n ? String.valueOf(n) : arg;
	}
}
