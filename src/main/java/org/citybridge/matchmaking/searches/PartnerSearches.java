package org.citybridge.matchmaking.searches;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.citybridge.audit.AuditLog;
import org.citybridge.country.CountryChoices;
import org.citybridge.country.CountryGroup;
import org.citybridge.funding.Call;
import org.citybridge.funding.FundingCatalogue;
import org.citybridge.funding.Instruments;
import org.citybridge.notice.Announcement;
import org.citybridge.notice.Audience;
import org.citybridge.notice.NoticeKind;
import org.citybridge.notice.Notices;
import org.citybridge.system.Actor;
import org.citybridge.system.DisplayNames.NameIndex;
import org.citybridge.system.Refusal;
import org.citybridge.theme.Themes;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a partner search: published by an officer for their municipality or by staff for
 * their organisation; interest expressed by officers of other municipalities while it is open (one
 * per municipality: a unique constraint, so simultaneous clicks give one); each interest accepted
 * or declined by the author's side; closed as complete by the author's side, or expired. Every
 * step checks who may take it, is audited, and is announced to the people it concerns in the same
 * transaction. Refusals come back as {@link Refusal}; a forbidden step as {@link AccessDeniedException}.
 */
@Service
public class PartnerSearches {

	private final JdbcClient jdbc;

	private final SearchReads reads;

	private final AuditLog audit;

	private final Notices notices;

	private final TransactionTemplate transactions;

	private final Instruments instruments;

	private final FundingCatalogue catalogue;

	private final Themes themes;

	private final CountryChoices countryChoices;

	private final Clock clock;

	PartnerSearches(JdbcClient jdbc, SearchReads reads, AuditLog audit, Notices notices, TransactionTemplate transactions,
			Instruments instruments, FundingCatalogue catalogue, Themes themes, CountryChoices countryChoices,
			Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.reads = reads;
		this.audit = audit;
		this.notices = notices;
		this.transactions = transactions;
		this.instruments = instruments;
		this.catalogue = catalogue;
		this.themes = themes;
		this.countryChoices = countryChoices;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	Instant now() {
		return this.clock.instant();
	}

	/** The search, or 404. */
	PartnerSearch search(long id) {
		return this.reads.byId(id).orElseThrow(() -> new SearchNotFound(id));
	}

	/** Publishes the search for the actor's municipality or organisation; returns its id. */
	public long publish(Actor actor, String actorLabel, SearchForm form, java.util.Locale locale) {
		if (!SearchPolicy.mayPublish(actor)) {
			throw new AccessDeniedException("Only officers and staff publish partner searches");
		}
		Checked v = check(form, null);
		boolean officer = actor.role() == Actor.Role.OFFICER;
		return this.transactions.execute(tx -> {
			long id = this.jdbc.sql("""
					INSERT INTO partner_searches (municipality_id, organisation_id, author_account_id, title, idea, instrument_id,
					       call_id, partners_needed, working_languages, expires_at, content_lang)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
					""").params(officer ? actor.municipalityId() : null, officer ? null : actor.organisationId(),
					actor.accountId(), form.title().strip(), form.idea().strip(), v.instrumentId(), v.callId(), form.needed(),
					v.languages().toArray(String[]::new), Timestamp.from(v.expires()), contentLang(locale))
				.query(Long.class)
				.single();
			writeThemesAndGroups(id, v);
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "partner_search", id, AuditLog.Action.CREATE,
					null, v.audited(form));
			return id;
		});
	}

	/** A form's values once checked against the themes, instruments and calls. */
	private record Checked(List<String> themeCodes, Instruments.Ref instrument, Call call, Instant expires,
			List<String> languages, List<CountryGroup> groups, List<String> countries) {

		Long instrumentId() {
			return this.instrument == null ? null : this.instrument.id();
		}

		Long callId() {
			return this.call == null ? null : this.call.id();
		}

		Map<String, Object> audited(SearchForm form) {
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("title", form.title().strip());
			values.put("instrument", this.instrument == null ? null : this.instrument.slug());
			values.put("call", callId());
			values.put("partnersNeeded", form.needed());
			values.put("themes", this.themeCodes);
			values.put("groups", this.groups);
			values.put("countries", this.countries);
			values.put("languages", this.languages);
			values.put("expiresAt", this.expires.toString());
			return values;
		}
	}

	/** Checks the form's choices; {@code keptCall} is a call the search already aims at, kept even once closed. */
	private Checked check(SearchForm form, Long keptCall) {
		List<String> themeCodes = form.themeCodes();
		if (!this.themes.codes().containsAll(themeCodes)) {
			throw new Refusal("themes", "search.error.theme");
		}
		Instruments.Ref instrument = instrument(form.instrument());
		Call call = call(instrument, form.call(), keptCall);
		Instant expires = expiry(form.expires(), call);
		return new Checked(themeCodes, instrument, call, expires, form.languageCodes(), form.groupList(), countries(form));
	}

	/** The single countries sought, each typed as a name in any of the portal's languages or as a code. */
	private List<String> countries(SearchForm form) {
		List<String> typed = form.countryNames();
		if (typed.size() > SearchForm.MAX_COUNTRIES) {
			throw new Refusal("countries", "search.field.countries.tooMany");
		}
		List<String> codes = new java.util.ArrayList<>();
		for (String name : typed) {
			NameIndex.Match match = this.countryChoices.find(name);
			if (!match.found()) {
				throw new Refusal("countries", "search.error.country", name);
			}
			if (!codes.contains(match.code())) {
				codes.add(match.code());
			}
		}
		return List.copyOf(codes);
	}

	private void writeThemesAndGroups(long id, Checked v) {
		for (String theme : v.themeCodes()) {
			this.jdbc.sql("INSERT INTO partner_search_themes (search_id, theme_code) VALUES (?, ?)").params(id, theme).update();
		}
		for (CountryGroup group : v.groups()) {
			this.jdbc.sql("INSERT INTO partner_search_groups (search_id, country_group) VALUES (?, ?)")
				.params(id, group.name()).update();
		}
		for (String country : v.countries()) {
			this.jdbc.sql("INSERT INTO partner_search_countries (search_id, country_code) VALUES (?, ?)")
				.params(id, country).update();
		}
	}

	/**
	 * The author's side edits its search while it is not complete (an expired one may be given a later
	 * date, which opens it again and lets its expiry be announced again). The municipalities that
	 * expressed interest, waiting or accepted, are told. The form must carry the version the search had
	 * when it was opened: a save over a change made since (another edit, the search closed, its group
	 * published) is refused with {@code search.error.stale}, the row untouched; the version is checked
	 * in the same statement that writes, so two saves at once never both pass.
	 */
	public void edit(Actor actor, String actorLabel, long searchId, SearchForm form) {
		PartnerSearch search = search(searchId);
		if (!SearchPolicy.isAuthorSide(actor, search)) {
			throw new AccessDeniedException("May not edit partner search " + searchId);
		}
		if ("COMPLETE".equals(search.status())) {
			throw new Refusal(null, "search.error.closed");
		}
		if (form.version() == null || form.version() != search.version()) {
			throw new Refusal(null, "search.error.stale");
		}
		Checked v = check(form, search.callId());
		this.transactions.executeWithoutResult(tx -> {
			int updated = this.jdbc.sql("""
					UPDATE partner_searches SET title = ?, idea = ?, instrument_id = ?, call_id = ?, partners_needed = ?,
					       working_languages = ?, expires_at = ?,
					       expiry_noticed_at = CASE WHEN ? > expires_at THEN NULL ELSE expiry_noticed_at END,
					       version = version + 1
					WHERE id = ? AND status = 'OPEN' AND version = ?
					""").params(form.title().strip(), form.idea().strip(), v.instrumentId(), v.callId(), form.needed(),
					v.languages().toArray(String[]::new), Timestamp.from(v.expires()), Timestamp.from(v.expires()), searchId,
					form.version())
				.update();
			if (updated == 0) {
				String status = this.jdbc.sql("SELECT status FROM partner_searches WHERE id = ?").param(searchId)
					.query(String.class).optional().orElse("COMPLETE");
				throw new Refusal(null, "COMPLETE".equals(status) ? "search.error.closed" : "search.error.stale");
			}
			this.jdbc.sql("DELETE FROM partner_search_themes WHERE search_id = ?").param(searchId).update();
			this.jdbc.sql("DELETE FROM partner_search_groups WHERE search_id = ?").param(searchId).update();
			this.jdbc.sql("DELETE FROM partner_search_countries WHERE search_id = ?").param(searchId).update();
			writeThemesAndGroups(searchId, v);
			Map<String, Object> before = new LinkedHashMap<>();
			before.put("title", search.title());
			before.put("instrument", search.instrumentSlug());
			before.put("call", search.callId());
			before.put("partnersNeeded", search.partnersNeeded());
			before.put("themes", search.themes());
			before.put("groups", search.groups());
			before.put("countries", search.countries());
			before.put("languages", search.languages());
			before.put("expiresAt", search.expiresAt().toString());
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "partner_search", searchId,
					AuditLog.Action.UPDATE, before, v.audited(form));
			List<Audience> interested = this.reads.interests(searchId).stream().filter(i -> i.pending() || i.accepted())
				.map(i -> Audience.officersOf(i.municipalityId())).toList();
			if (!interested.isEmpty()) {
				this.notices.announce(Announcement.of(NoticeKind.SEARCH_EDITED)
					.to(interested.toArray(Audience[]::new))
					.args(form.title().strip(), authorName(search))
					.link(search.href())
					.by(actor.accountId()));
			}
		});
	}

	/**
	 * An officer of the municipality that expressed interest withdraws it: while it waits for an answer,
	 * or once accepted (the municipality leaves the group), whatever the search's state. The author's
	 * side is told, and on leaving the group its other members too. A declined interest stays.
	 * @return whether the municipality left the group (its interest had been accepted)
	 */
	public boolean withdrawInterest(Actor actor, String actorLabel, long searchId, long interestId) {
		PartnerSearch search = search(searchId);
		Interest interest = this.reads.interests(searchId).stream().filter(i -> i.id() == interestId).findFirst()
			.orElseThrow(() -> new SearchNotFound("interest " + interestId));
		if (!SearchPolicy.mayWithdraw(actor, interest)) {
			throw new AccessDeniedException("May not withdraw interest " + interestId);
		}
		return Boolean.TRUE.equals(this.transactions.execute(tx -> {
			String status = this.jdbc.sql("""
					DELETE FROM partner_search_interests WHERE id = ? AND search_id = ? AND status IN ('PENDING', 'ACCEPTED')
					RETURNING status
					""").params(interestId, searchId).query(String.class).optional()
				.orElseThrow(() -> new Refusal(null, "search.error.withdrawDecided"));
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "partner_search_interest", interestId,
					AuditLog.Action.DELETE, Map.of("search", searchId, "municipality", interest.municipalityId(),
							"status", status), null);
			boolean leaving = "ACCEPTED".equals(status);
			List<Audience> audiences = new java.util.ArrayList<>(List.of(authorSide(search)));
			if (leaving) {
				this.reads.interests(searchId).stream().filter(Interest::accepted)
					.forEach(i -> audiences.add(Audience.officersOf(i.municipalityId())));
			}
			this.notices.announce(Announcement.of(leaving ? NoticeKind.SEARCH_LEFT : NoticeKind.SEARCH_WITHDRAWN)
				.to(audiences.toArray(Audience[]::new))
				.args(interest.municipalityName(), search.title())
				.link(search.href())
				.by(actor.accountId()));
			return leaving;
		}));
	}

	/**
	 * Tells the author's side of every open search whose expiry date has passed, once: the search is
	 * marked as told in the same statement that picks it, so a second round tells nobody again.
	 * @return how many searches were announced as expired
	 */
	public int announceExpired() {
		Integer told = this.transactions.execute(tx -> {
			List<Long> ids = this.jdbc.sql("""
					UPDATE partner_searches SET expiry_noticed_at = ?
					WHERE status = 'OPEN' AND expires_at <= ? AND expiry_noticed_at IS NULL
					RETURNING id
					""").params(Timestamp.from(now()), Timestamp.from(now())).query(Long.class).list();
			for (long id : ids) {
				PartnerSearch search = search(id);
				this.notices.announce(Announcement.of(NoticeKind.SEARCH_EXPIRED)
					.to(authorSide(search))
					.args(search.title())
					.link(search.href()));
			}
			return ids.size();
		});
		return told == null ? 0 : told;
	}

	/** The language of the page the search was written on: one of the portal's, else English. */
	private static String contentLang(java.util.Locale locale) {
		String lang = locale == null ? "en" : locale.getLanguage();
		return List.of("en", "mn", "fr").contains(lang) ? lang : "en";
	}

	private Instruments.Ref instrument(String slug) {
		if (slug == null || slug.isBlank()) {
			return null;
		}
		return this.instruments.all().stream().filter(i -> i.slug().equals(slug.strip())).findFirst()
			.orElseThrow(() -> new Refusal("instrument", "search.error.instrument"));
	}

	private Call call(Instruments.Ref instrument, String callId, Long keptCall) {
		if (callId == null || callId.isBlank()) {
			return null;
		}
		if (instrument == null) {
			throw new Refusal("call", "search.error.callWithoutInstrument");
		}
		Instant now = now();
		return this.catalogue.calls(instrument.id()).stream()
			.filter(c -> String.valueOf(c.id()).equals(callId.strip())
					&& (c.closesAt().isAfter(now) || Long.valueOf(c.id()).equals(keptCall)))
			.findFirst()
			.orElseThrow(() -> new Refusal("call", "search.error.call"));
	}

	/** The end of the day entered, in the call's zone (UTC without a call), at most the call's deadline. */
	private Instant expiry(String text, Call call) {
		LocalDate date;
		try {
			date = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new Refusal("expires", "search.field.expires.invalid");
		}
		ZoneId zone = call == null ? ZoneOffset.UTC : call.zone();
		Instant now = now();
		if (date.isAfter(LocalDate.now(this.clock.withZone(zone)).plusYears(2))) {
			throw new Refusal("expires", "search.error.expiresTooLate");
		}
		Instant end = date.atTime(23, 59).atZone(zone).toInstant();
		if (call != null) {
			if (date.isAfter(call.closesAt().atZone(zone).toLocalDate())) {
				throw new Refusal("expires", "search.error.expiresAfterDeadline");
			}
			end = end.isAfter(call.closesAt()) ? call.closesAt() : end;
		}
		if (!end.isAfter(now)) {
			throw new Refusal("expires", "search.error.expiresPast");
		}
		return end;
	}

	/** An officer of another municipality expresses its interest in the open search; once per municipality. */
	public long expressInterest(Actor actor, String actorLabel, long searchId, InterestForm form) {
		PartnerSearch search = search(searchId);
		if (!SearchPolicy.mayExpressInterest(actor, search)) {
			throw new AccessDeniedException("May not express interest in partner search " + searchId);
		}
		if (!search.open(now())) {
			throw new Refusal(null, "search.error.closed");
		}
		String municipality = this.jdbc.sql("SELECT name FROM municipalities WHERE id = ?").param(actor.municipalityId())
			.query(String.class).single();
		try {
			return this.transactions.execute(tx -> {
				// The search is read with a shared lock: closing it waits for the interest, never the other way round.
				Long id = this.jdbc.sql("""
						INSERT INTO partner_search_interests (search_id, municipality_id, account_id, message)
						SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM partner_searches
						                                 WHERE id = ? AND status = 'OPEN' AND expires_at > ? FOR SHARE)
						RETURNING id
						""").params(searchId, actor.municipalityId(), actor.accountId(), form.message().strip(), searchId,
						Timestamp.from(now()))
					.query(Long.class)
					.optional()
					.orElseThrow(() -> new Refusal(null, "search.error.closed"));
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "partner_search_interest", id,
						AuditLog.Action.CREATE, null, Map.of("search", searchId, "municipality", actor.municipalityId(),
								"status", "PENDING"));
				this.notices.announce(Announcement.of(NoticeKind.SEARCH_INTEREST)
					.to(authorSide(search))
					.args(municipality, search.title())
					.link(search.href())
					.by(actor.accountId()));
				return id;
			});
		}
		catch (DataIntegrityViolationException ex) {
			if (String.valueOf(ex.getMostSpecificCause().getMessage()).contains("partner_search_interests_uk")) {
				throw new Refusal(null, "search.error.alreadyInterested");
			}
			throw ex;
		}
	}

	/** The author's side accepts or declines a pending interest while the search is open. */
	public void decide(Actor actor, String actorLabel, long searchId, long interestId, boolean accept) {
		PartnerSearch search = search(searchId);
		if (!SearchPolicy.isAuthorSide(actor, search)) {
			throw new AccessDeniedException("May not answer interests in partner search " + searchId);
		}
		Interest interest = this.reads.interests(searchId).stream().filter(i -> i.id() == interestId).findFirst()
			.orElseThrow(() -> new SearchNotFound("interest " + interestId));
		String status = accept ? "ACCEPTED" : "DECLINED";
		this.transactions.executeWithoutResult(tx -> {
			// The search's row is locked first, as closing it locks it: an answer and a close never
			// interleave. Whichever comes second sees the first's outcome (a closed search takes no answer;
			// a close tells the group as the answer left it), and its state and date are read under the lock,
			// not from before it.
			boolean open = this.jdbc.sql("""
					SELECT status = 'OPEN' AND expires_at > ? FROM partner_searches WHERE id = ? FOR UPDATE
					""").params(Timestamp.from(now()), searchId).query(Boolean.class).optional().orElse(false);
			if (!open) {
				throw new Refusal(null, "search.error.closed");
			}
			int updated = this.jdbc.sql("""
					UPDATE partner_search_interests SET status = ?, decided_at = now()
					WHERE id = ? AND search_id = ? AND status = 'PENDING'
					""").params(status, interestId, searchId).update();
			if (updated == 0) {
				throw new Refusal(null, "search.error.decided");
			}
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "partner_search_interest", interestId,
					AuditLog.Action.UPDATE, Map.of("status", "PENDING"), Map.of("status", status));
			this.notices.announce(Announcement.of(accept ? NoticeKind.SEARCH_ACCEPTED : NoticeKind.SEARCH_DECLINED)
				.to(Audience.officersOf(interest.municipalityId()))
				.args(search.title(), authorName(search))
				.link(search.href())
				.by(actor.accountId()));
		});
	}

	/** The author's side closes the search as complete: its group is formed. */
	public void complete(Actor actor, String actorLabel, long searchId) {
		PartnerSearch search = search(searchId);
		if (!SearchPolicy.isAuthorSide(actor, search)) {
			throw new AccessDeniedException("May not close partner search " + searchId);
		}
		// The update waits for an answer to an interest in progress (it holds the search's row), so the
		// group told below is the group as that answer left it.
		this.transactions.executeWithoutResult(tx -> {
			int updated = this.jdbc.sql("""
					UPDATE partner_searches SET status = 'COMPLETE', closed_at = now(), version = version + 1
					WHERE id = ? AND status = 'OPEN'
					""").param(searchId).update();
			if (updated == 0) {
				throw new Refusal(null, "search.error.closed");
			}
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "partner_search", searchId,
					AuditLog.Action.UPDATE, Map.of("status", "OPEN"), Map.of("status", "COMPLETE"));
			List<Audience> members = this.reads.interests(searchId).stream().filter(Interest::accepted)
				.map(i -> Audience.officersOf(i.municipalityId())).toList();
			this.notices.announce(Announcement.of(NoticeKind.SEARCH_COMPLETED)
				.to(members.toArray(Audience[]::new))
				.to(authorSide(search))
				.args(search.title(), authorName(search))
				.link(search.href())
				.by(actor.accountId()));
		});
	}

	/** The author's side publishes the group: its members' names become public. */
	public void publishGroup(Actor actor, String actorLabel, long searchId) {
		PartnerSearch search = search(searchId);
		if (!SearchPolicy.isAuthorSide(actor, search)) {
			throw new AccessDeniedException("May not publish the group of partner search " + searchId);
		}
		this.transactions.executeWithoutResult(tx -> {
			this.jdbc.sql("UPDATE partner_searches SET group_public = true, version = version + 1 WHERE id = ?")
				.param(searchId).update();
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "partner_search", searchId,
					AuditLog.Action.UPDATE, Map.of("groupPublic", search.groupPublic()), Map.of("groupPublic", true));
		});
	}

	private static Audience authorSide(PartnerSearch search) {
		return search.municipalityId() != null ? Audience.officersOf(search.municipalityId())
				: Audience.staffOf(search.organisationId());
	}

	private static String authorName(PartnerSearch search) {
		return search.municipalityId() != null ? search.municipalityName() : search.organisationName();
	}
}
