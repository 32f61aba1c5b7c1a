package org.citybridge.funding.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.citybridge.country.CountryGroup;
import org.citybridge.funding.BodyKind;
import org.citybridge.funding.Call;
import org.citybridge.funding.CallStatus;
import org.citybridge.funding.Deadline;
import org.citybridge.funding.FundingCatalogue;
import org.citybridge.funding.FundingDeadlines;
import org.citybridge.funding.FundingFinder;
import org.citybridge.funding.FundingPolicy;
import org.citybridge.funding.Instrument;
import org.citybridge.funding.Party;
import org.citybridge.funding.Rule;
import org.citybridge.funding.Verdict;
import org.citybridge.funding.lumpsums.LumpSumTable;
import org.citybridge.funding.lumpsums.LumpSums;
import org.citybridge.municipality.MunicipalitySearch;
import org.citybridge.municipality.MunicipalitySummary;
import org.citybridge.system.Actor;
import org.citybridge.system.Text;
import org.citybridge.theme.Themes;

import org.springframework.stereotype.Service;

/**
 * What each public funding page reads, gathered in one call: the list of instruments with its
 * filters and the coming deadlines, one instrument with its rules and calls, the finder's answer
 * for a pair of municipalities, the deadlines' calendar file.
 */
@Service
record FundingPages(FundingCatalogue catalogue,
		FundingDeadlines deadlines,
		FundingFinder finder,
		RuleWords ruleWords,
		Themes themes,
		MunicipalitySearch municipalities,
		LumpSums lumpSums) {

	/** How many name matches the finder offers to choose from. */
	static final int CANDIDATES = 8;

	/** The list of instruments, filtered as asked (a filter the page does not know is no filter). */
	record ListPage(List<ListedInstrument> instruments, List<String> themes, String theme, String group, String body,
			boolean openOnly, List<FundingDeadlines.Shown> deadlines, boolean mayEdit) {

		boolean filtered() {
			return this.theme != null || this.group != null || this.body != null || this.openOnly;
		}
	}

	/**
	 * One instrument: its rules in words and its calls, each in its own zone and the viewer's; its own
	 * lump-sum table (null when none); {@code associatedNone} when its rules count eligible countries
	 * but no country is entered as an exception that may take part (the countries associated to a
	 * programme are entered by staff as published: none yet).
	 */
	record InstrumentPage(Instrument instrument, List<String> rules, List<ShownCall> calls, boolean mayEdit,
			LumpSumTable lumpSums, boolean associatedNone) {
	}

	/**
	 * The finder's question: the municipality chosen on each side ({@code a}, {@code b}), the text typed
	 * in each search field ({@code qa}, {@code qb}) and the text the previous page searched for
	 * ({@code pa}, {@code pb}).
	 */
	record FinderQuery(String a, String b, String qa, String qb, String pa, String pb) {
	}

	/** The finder's answer: both sides, the parties found and the verdict on each instrument. */
	record FinderPage(FinderSide sideA, FinderSide sideB, boolean same, boolean unknownId, List<Party> parties,
			List<Verdict> verdicts, Instant now) {
	}

	/** One member of the group being checked, and the group's address without it. */
	record Member(Party party, String removeHref) {
	}

	/**
	 * The group check (issue 24): the municipalities in the group, the matches for the name typed to
	 * add one, and each instrument's verdict for the whole group ({@code instrument} alone when one
	 * was asked for); {@code tooMany} when ids beyond the limit were left out.
	 */
	record GroupPage(List<Member> members, List<Long> memberIds, String query, List<MunicipalitySummary> candidates,
			boolean searched, List<Verdict> verdicts, String instrument, boolean tooMany, boolean unknownId, Instant now,
			int limit, boolean noMatch, List<Deadline> calls, Long call, Map<Long, LumpSumTable> lumpSums) {
	}

	/** How long after closing a call is still offered to the group check: its rules say what the next may ask. */
	static final java.time.Duration CALLS_SINCE = java.time.Duration.ofDays(730);

	/**
	 * The group of the municipalities {@code m} (ids as sent), with matches for {@code q}, checked against
	 * every instrument, or the {@code instrument} asked for; with a {@code call} chosen, against its
	 * instrument alone under the call's rules (an unknown call is no choice). Each instrument's lump-sum
	 * table comes along (the call's own, for the call chosen).
	 */
	GroupPage group(List<String> m, String q, String instrument, String call, Locale locale) {
		List<Long> asked = m == null ? List.of() : m.stream().map(Text::idOrNull).filter(id -> id != null).distinct().toList();
		boolean tooMany = asked.size() > FundingFinder.GROUP_LIMIT;
		List<Party> parties = this.finder.group(asked);
		List<Long> ids = parties.stream().map(Party::id).toList();
		boolean unknown = (m != null && m.stream().anyMatch(v -> Text.idOrNull(v) == null))
				|| (!tooMany && ids.size() < asked.size());
		String text = q == null ? "" : q.strip();
		if (text.length() > 200) {
			text = text.substring(0, 200);
		}
		List<MunicipalitySummary> candidates = text.isEmpty() ? List.of()
				: this.municipalities.find(text, CANDIDATES).stream().filter(c -> !ids.contains(c.id())).toList();
		List<Deadline> calls = this.catalogue.callsClosingAfter(this.finder.now().minus(CALLS_SINCE));
		Long callId = Text.idOrNull(call);
		Deadline chosen = callId == null ? null : calls.stream().filter(d -> d.call().id() == callId).findFirst().orElse(null);
		String slug = chosen != null ? chosen.instrumentSlug()
				: instrument == null || instrument.isBlank() ? null : instrument.strip();
		List<Verdict> verdicts = chosen != null
				? this.finder.forGroup(chosen.call().instrumentId(), chosen.call().id(), ids, locale).stream().toList()
				: this.finder.forGroup(ids, locale).stream().filter(v -> slug == null || v.slug().equals(slug)).toList();
		Map<Long, LumpSumTable> tables = new java.util.HashMap<>(this.lumpSums.ofInstruments());
		if (chosen != null) {
			this.lumpSums.ofCall(chosen.call().id()).ifPresent(t -> tables.put(t.instrumentId(), t));
		}
		Long kept = chosen == null ? null : chosen.call().id();
		List<Member> members = parties.stream().map(p -> new Member(p, groupHref(ids.stream().filter(id -> id != p.id()).toList(),
				slug, kept))).toList();
		return new GroupPage(members, ids, text, candidates, !text.isEmpty(), verdicts, slug, tooMany, unknown,
				this.finder.now(), FundingFinder.GROUP_LIMIT, !text.isEmpty() && candidates.isEmpty(), calls, kept, tables);
	}

	/** The group check's address for these municipalities, and the instrument and call if asked for. */
	static String groupHref(List<Long> ids, String instrument, Long call) {
		org.springframework.web.util.UriComponentsBuilder uri = org.springframework.web.util.UriComponentsBuilder
			.fromPath("/funding/group");
		ids.forEach(id -> uri.queryParam("m", id));
		if (instrument != null) {
			uri.queryParam("instrument", instrument);
		}
		if (call != null) {
			uri.queryParam("call", call);
		}
		return uri.build().encode().toUriString();
	}

	/** The instruments that pass the filters, and the deadlines of the next 90 days in the viewer's zone. */
	ListPage list(String theme, String group, String body, String open, ZoneId viewer, Locale locale) {
		List<String> themeCodes = this.themes.codes();
		String themeFilter = themeCodes.contains(theme) ? theme : null;
		CountryGroup groupFilter = parse(CountryGroup.class, group);
		BodyKind bodyFilter = parse(BodyKind.class, body);
		boolean openOnly = open != null && Set.of("1", "true", "on", "yes").contains(open.strip());
		Instant now = this.deadlines.now();
		Map<Long, List<Call>> calls = this.catalogue.currentCalls(now);
		List<ListedInstrument> listed = this.catalogue.all().stream()
			.filter(i -> themeFilter == null || i.themes().contains(themeFilter))
			.filter(i -> groupFilter == null || i.rules(Rule.Kind.COUNTRY_GROUP).stream().anyMatch(r -> r.group() == groupFilter))
			.filter(i -> bodyFilter == null || i.rules(Rule.Kind.BODY_KIND).stream().anyMatch(r -> r.bodyKind() == bodyFilter))
			.map(i -> {
				List<Call> current = calls.getOrDefault(i.id(), List.of());
				return new ListedInstrument(i, current.stream().anyMatch(c -> c.status(now) == CallStatus.OPEN), current.size());
			})
			.filter(l -> !openOnly || l.openNow())
			.toList();
		return new ListPage(listed, themeCodes, themeFilter, groupFilter == null ? null : groupFilter.name(),
				bodyFilter == null ? null : bodyFilter.name(), openOnly, this.deadlines.upcoming(viewer, locale),
				FundingPolicy.mayEdit(Actor.current()));
	}

	/** The instrument at {@code slug} (or {@code FundingNotFound}), its calls' times also in the viewer's zone. */
	InstrumentPage instrument(String slug, ZoneId viewer, Locale locale) {
		Instrument instrument = this.catalogue.bySlug(slug);
		Instant now = this.deadlines.now();
		Map<Long, LumpSumTable> callTables = this.lumpSums.ofCalls(instrument.id());
		Map<Long, List<Rule>> callRules = this.catalogue.callRulesOf(instrument.id());
		List<ShownCall> calls = this.catalogue.calls(instrument.id()).stream().map(c -> new ShownCall(c, c.status(now),
				FundingDeadlines.time(c.opensAt(), c.zone(), locale, true),
				FundingDeadlines.time(c.closesAt(), c.zone(), locale, true),
				viewer == null || viewer.getRules().equals(c.zone().getRules()) ? null
						: FundingDeadlines.time(c.closesAt(), viewer, locale, true),
				c.opensAt().truncatedTo(ChronoUnit.SECONDS).toString(),
				c.closesAt().truncatedTo(ChronoUnit.SECONDS).toString(),
				this.ruleWords.ofCall(callRules.getOrDefault(c.id(), List.of()), locale), callTables.get(c.id()))).toList();
		boolean associatedNone = !instrument.rules(Rule.Kind.MIN_ELIGIBLE_COUNTRIES).isEmpty()
				&& instrument.rules(Rule.Kind.COUNTRY).stream().noneMatch(Rule::allowed);
		return new InstrumentPage(instrument, this.ruleWords.of(instrument, locale), calls,
				FundingPolicy.mayEdit(Actor.current()), this.lumpSums.ofInstrument(instrument.id()).orElse(null),
				associatedNone);
	}

	/** The deadlines' calendar file, its links to the portal at {@code base}. */
	String deadlinesFile(String base) {
		return DeadlineCalendar.of(this.deadlines.forFeed(), base, "citybridge", this.deadlines.now());
	}

	/**
	 * The finder for the municipalities chosen or searched for. A new text in a search field searches
	 * again, even beside a municipality already chosen; the same text as before means the visitor
	 * picked one of the matches it offered.
	 */
	FinderPage finder(FinderQuery query, Locale locale) {
		Long idA = searching(query.qa(), query.pa()) ? null : Text.idOrNull(query.a());
		Long idB = searching(query.qb(), query.pb()) ? null : Text.idOrNull(query.b());
		List<Party> chosen = idA == null && idB == null ? List.of() : this.finder.parties(idA == null ? idB : idA,
				idA == null || idB == null ? null : idB);
		Party partyA = idA == null ? null : chosen.stream().filter(p -> p.id() == idA).findFirst().orElse(null);
		Party partyB = idB == null ? null : chosen.stream().filter(p -> p.id() == idB).findFirst().orElse(null);
		boolean same = partyA != null && partyB != null && partyA.id() == partyB.id();
		List<Party> parties = same ? List.of(partyA) : Stream.of(partyA, partyB).filter(p -> p != null).toList();
		return new FinderPage(side("a", partyA, query.qa()), side("b", partyB, query.qb()), same,
				(idA != null && partyA == null) || (idB != null && partyB == null), parties,
				this.finder.evaluate(parties, locale), this.finder.now());
	}

	private static boolean searching(String query, String previous) {
		return query != null && !query.isBlank() && !query.strip().equals(previous == null ? "" : previous.strip());
	}

	private FinderSide side(String key, Party chosen, String query) {
		if (chosen != null) {
			return new FinderSide(key, chosen, "", List.of(), false);
		}
		String text = query == null ? "" : query.strip();
		if (text.length() > 200) {
			text = text.substring(0, 200);
		}
		List<MunicipalitySummary> candidates = text.isEmpty() ? List.of() : this.municipalities.find(text, CANDIDATES);
		return new FinderSide(key, null, text, candidates, !text.isEmpty());
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null) {
			return null;
		}
		return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value.strip())).findFirst().orElse(null);
	}
}
