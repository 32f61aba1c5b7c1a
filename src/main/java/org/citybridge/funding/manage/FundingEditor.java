package org.citybridge.funding.manage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citybridge.notice.Announcement;
import org.citybridge.notice.Audience;
import org.citybridge.notice.Followable;
import org.citybridge.notice.NoticeKind;
import org.citybridge.notice.Notices;
import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;
import org.citybridge.system.ViewerZone;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.citybridge.funding.Call;
import org.citybridge.funding.FundingCatalogue;
import org.citybridge.funding.FundingFinder;
import org.citybridge.funding.FundingPolicy;
import org.citybridge.funding.Instrument;
import org.citybridge.funding.Rule;

/**
 * Staff maintain instruments, their eligibility rules and their calls. Every write checks the
 * policy, is audited in its own transaction, and refuses a stale edit (optimistic locking on
 * version); what the database refuses comes back as a {@link Refusal} naming the field.
 */
@Service
public record FundingEditor(JdbcClient jdbc,
		FundingCatalogue catalogue,
		FundingPolicy policy,
		AuditLog audit,
		TransactionTemplate transactions,
		FundingFinder finder,
		Notices notices) {

	/** Slugs that are pages of their own under /funding. */
	static final Set<String> RESERVED_SLUGS = Set.of("new", "finder", "deadlines", "instruments", "calls", "group");

	/** The instrument, if the actor may edit it; else access is denied (403). */
	Instrument editable(Actor actor, String slug) {
		this.policy.requireEditor(actor);
		return this.catalogue.bySlug(slug);
	}

	String createInstrument(Actor actor, String actorLabel, InstrumentForm form) {
		this.policy.requireEditor(actor);
		check(form);
		try {
			return this.transactions.execute(tx -> {
				long id = this.jdbc.sql("""
						INSERT INTO funding_instruments (slug, name, short_name, managing_body, purpose, funds, typical_size,
						       typical_duration, official_url, example, translations)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) RETURNING id
						""").params(form.slug().strip(), form.name().strip(), form.shortName().strip(),
						Text.blankToNull(form.managingBody()), form.purpose().strip(), Text.blankToNull(form.funds()),
						Text.blankToNull(form.typicalSize()), Text.blankToNull(form.typicalDuration()),
						Text.blankToNull(form.officialUrl()), form.isExample(),
						form.translations())
					.query(Long.class)
					.single();
				writeThemesAndRules(id, form);
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "funding_instrument", id,
						AuditLog.Action.CREATE, null, auditView(form));
				return form.slug().strip();
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw refusal(ex);
		}
	}

	String updateInstrument(Actor actor, String actorLabel, String slug, InstrumentForm form) {
		Instrument before = editable(actor, slug);
		check(form);
		try {
			return this.transactions.execute(tx -> {
				int updated = this.jdbc.sql("""
						UPDATE funding_instruments SET slug = ?, name = ?, short_name = ?, managing_body = ?, purpose = ?,
						       funds = ?, typical_size = ?, typical_duration = ?, official_url = ?, example = ?,
						       translations = CAST(? AS jsonb), version = version + 1, updated_at = now()
						WHERE id = ? AND version = ?
						""").params(form.slug().strip(), form.name().strip(), form.shortName().strip(),
						Text.blankToNull(form.managingBody()), form.purpose().strip(), Text.blankToNull(form.funds()),
						Text.blankToNull(form.typicalSize()), Text.blankToNull(form.typicalDuration()),
						Text.blankToNull(form.officialUrl()), form.isExample(), form.translations(), before.id(),
						form.version())
					.update();
				if (updated == 0) {
					throw new Refusal(null, "funding.error.stale");
				}
				this.jdbc.sql("DELETE FROM funding_instrument_themes WHERE instrument_id = ?").param(before.id()).update();
				this.jdbc.sql("DELETE FROM funding_rules WHERE instrument_id = ?").param(before.id()).update();
				writeThemesAndRules(before.id(), form);
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "funding_instrument", before.id(),
						AuditLog.Action.UPDATE, auditView(InstrumentForm.of(before)), auditView(form));
				return form.slug().strip();
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw refusal(ex);
		}
	}

	long createCall(Actor actor, String actorLabel, String slug, CallForm form) {
		Instrument instrument = editable(actor, slug);
		Times times = times(form);
		checkCallRules(instrument, form);
		try {
			return this.transactions.execute(tx -> {
				long id = this.jdbc.sql("""
						INSERT INTO funding_calls (instrument_id, title, opens_at, closes_at, time_zone, budget, url, translations)
						VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) RETURNING id
						""").params(instrument.id(), form.title().strip(), Timestamp.from(times.opens()),
						Timestamp.from(times.closes()), times.zone().getId(), Text.blankToNull(form.budget()),
						Text.blankToNull(form.url()), form.translations())
					.query(Long.class)
					.single();
				FundingCatalogue.writeCallRules(this.jdbc, id, form.rules());
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "funding_call", id,
						AuditLog.Action.CREATE, null, auditView(form, times));
				announceCall(actor, instrument, form.title().strip(), times);
				return id;
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw refusal(ex);
		}
	}

	/**
	 * Tells the instrument's followers, and the officers of the municipalities that may use it, of
	 * its new call: the instrument, the call, its deadline (written in each reader's language, in the call's zone).
	 */
	private void announceCall(Actor actor, Instrument instrument, String title, Times times) {
		List<Audience> audiences = new ArrayList<>();
		audiences.add(Audience.followers(Followable.INSTRUMENT, instrument.id()));
		for (long municipality : this.finder.officeredMayUse(instrument)) {
			audiences.add(Audience.officersOf(municipality));
		}
		this.notices.announce(Announcement.of(NoticeKind.CALL_OPENED)
			.to(audiences.toArray(Audience[]::new))
			.args(instrument.name(), title, Announcement.moment(times.closes(), times.zone()))
			.link("/funding/" + instrument.slug())
			.by(actor.accountId()));
	}

	void updateCall(Actor actor, String actorLabel, String slug, long callId, CallForm form) {
		Instrument instrument = editable(actor, slug);
		Call before = this.catalogue.call(instrument.id(), callId);
		List<Rule> rulesBefore = this.catalogue.callRules(callId);
		Times times = times(form);
		checkCallRules(instrument, form);
		try {
			this.transactions.executeWithoutResult(tx -> {
				int updated = this.jdbc.sql("""
						UPDATE funding_calls SET title = ?, opens_at = ?, closes_at = ?, time_zone = ?, budget = ?, url = ?,
						       translations = CAST(? AS jsonb), version = version + 1
						WHERE id = ? AND instrument_id = ? AND version = ?
						""").params(form.title().strip(), Timestamp.from(times.opens()), Timestamp.from(times.closes()),
						times.zone().getId(), Text.blankToNull(form.budget()), Text.blankToNull(form.url()),
						form.translations(), callId, instrument.id(), form.version())
					.update();
				if (updated == 0) {
					throw new Refusal(null, "funding.error.stale");
				}
				// The call's row is held by the update above: two saves of its rules cannot interleave.
				this.jdbc.sql("DELETE FROM funding_call_rules WHERE call_id = ?").param(callId).update();
				FundingCatalogue.writeCallRules(this.jdbc, callId, form.rules());
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "funding_call", callId,
						AuditLog.Action.UPDATE,
						auditView(CallForm.of(before, rulesBefore),
								new Times(before.opensAt(), before.closesAt(), before.zone())),
						auditView(form, times));
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw refusal(ex);
		}
	}

	record Times(Instant opens, Instant closes, ZoneId zone) {
	}

	/** The call's instants, or a refusal naming the field: an unknown zone, or closing not after opening. */
	public static Times times(CallForm form) {
		ZoneId zone = ViewerZone.parse(form.zone()).orElseThrow(() -> new Refusal("zone", "funding.call.zone.invalid"));
		LocalDateTime opensLocal = CallForm.local(form.opens())
			.orElseThrow(() -> new Refusal("opens", "funding.call.dateTime.pattern"));
		LocalDateTime closesLocal = CallForm.local(form.closes())
			.orElseThrow(() -> new Refusal("closes", "funding.call.dateTime.pattern"));
		Instant opens = CallForm.instant(opensLocal, zone);
		Instant closes = CallForm.instant(closesLocal, zone);
		if (!closes.isAfter(opens)) {
			throw new Refusal("closes", "funding.call.closes.afterOpens");
		}
		return new Times(opens, closes, zone);
	}

	/** The group rules (issue 24) that only make sense together: a group and its number, a maximum above the minimum. */
	private static void checkGroupRules(InstrumentForm form) {
		Integer min = number(form.minPartners());
		Integer max = number(form.maxPartners());
		if (min != null && max != null && max < min) {
			throw new Refusal("maxPartners", "funding.instrument.maxPartners.belowMinimum", min);
		}
		if ((form.fromGroup() == null) != (number(form.fromGroupMinimum()) == null)) {
			throw new Refusal(form.fromGroup() == null ? "fromGroup" : "fromGroupMinimum", "funding.instrument.fromGroup.both");
		}
		Integer participants = number(form.minParticipants());
		Integer abroad = number(form.minParticipantsAbroad());
		if (abroad != null && (participants == null || abroad > participants)) {
			throw new Refusal("minParticipantsAbroad", "funding.instrument.participantsAbroad.range");
		}
	}

	/**
	 * A call's group rules (issue 24) that only make sense together, and with the instrument's rules
	 * that still hold beside them: a group and its number; a maximum not below the minimum, whichever of
	 * the two comes from the call; participants from abroad only with the call's participant minimum.
	 */
	private static void checkCallRules(Instrument instrument, CallForm form) {
		Integer callMin = number(form.minPartners());
		Integer callMax = number(form.maxPartners());
		Integer min = callMin != null ? callMin
				: instrument.rules(Rule.Kind.MIN_PARTNERS).stream().map(Rule::minimum).findFirst().orElse(null);
		Integer max = callMax != null ? callMax
				: instrument.rules(Rule.Kind.MAX_PARTNERS).stream().map(Rule::maximum).findFirst().orElse(null);
		if (min != null && max != null && max < min) {
			throw callMax != null ? new Refusal("maxPartners", "funding.instrument.maxPartners.belowMinimum", min)
					: new Refusal("minPartners", "funding.call.minPartners.aboveMaximum", max);
		}
		if ((form.fromGroup() == null) != (number(form.fromGroupMinimum()) == null)) {
			throw new Refusal(form.fromGroup() == null ? "fromGroup" : "fromGroupMinimum", "funding.instrument.fromGroup.both");
		}
		Integer participants = number(form.minParticipants());
		Integer abroad = number(form.minParticipantsAbroad());
		if (abroad != null && (participants == null || abroad > participants)) {
			throw new Refusal("minParticipantsAbroad", "funding.instrument.participantsAbroad.range");
		}
	}

	private static Integer number(String value) {
		return value == null || value.isBlank() || !value.strip().matches("[0-9]{1,6}") ? null : Integer.valueOf(value.strip());
	}

	private void check(InstrumentForm form) {
		if (RESERVED_SLUGS.contains(form.slug().strip())) {
			throw new Refusal("slug", "funding.instrument.slug.reserved", form.slug().strip());
		}
		List<String> known = this.jdbc.sql("SELECT code FROM countries").query(String.class).list();
		for (String field : InstrumentForm.COUNTRY_FIELDS) {
			for (String code : InstrumentForm.CountryCodes.of(form.countries(field))) {
				if (!known.contains(code)) {
					throw new Refusal(field, "funding.instrument.countries.unknown", Text.typed(code));
				}
			}
		}
		for (String code : InstrumentForm.CountryCodes.of(form.leadAlso())) {
			if (InstrumentForm.CountryCodes.of(form.leadNot()).contains(code)) {
				throw new Refusal("leadNot", "funding.instrument.countries.both", code);
			}
		}
		for (String code : InstrumentForm.CountryCodes.of(form.partnerAlso())) {
			if (InstrumentForm.CountryCodes.of(form.partnerNot()).contains(code)) {
				throw new Refusal("partnerNot", "funding.instrument.countries.both", code);
			}
		}
		checkGroupRules(form);
		List<String> themes = this.jdbc.sql("SELECT code FROM themes").query(String.class).list();
		if (!themes.containsAll(form.themeCodes())) {
			throw new Refusal("themes", "funding.instrument.themes.unknown");
		}
		if (form.conditionLines().stream().anyMatch(c -> c.length() > 2000)) {
			throw new Refusal("conditions", "funding.instrument.conditions.size");
		}
		for (String lang : org.citybridge.system.translation.Translations.TRANSLATED) {
			if (form.translatedConditionLines(lang) < 0) {
				throw new Refusal("conditions" + org.springframework.util.StringUtils.capitalize(lang),
						"funding.instrument.conditions.lines", form.conditionLines().size());
			}
		}
	}

	private void writeThemesAndRules(long id, InstrumentForm form) {
		FundingCatalogue.writeThemesAndRules(this.jdbc, id, form.themeCodes(), form.rules());
	}

	private static Refusal refusal(DataIntegrityViolationException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains("funding_instruments_slug_uk")) {
			return new Refusal("slug", "funding.instrument.slug.taken");
		}
		if (message.contains("funding_instruments_short_name_uk")) {
			return new Refusal("shortName", "funding.instrument.shortName.taken");
		}
		if (message.contains("funding_instruments_url_ck") || message.contains("funding_calls_url_ck")) {
			return new Refusal(message.contains("funding_calls") ? "url" : "officialUrl", "funding.link.pattern");
		}
		if (message.contains("funding_calls_closes_after_opens_ck")) {
			return new Refusal("closes", "funding.call.closes.afterOpens");
		}
		if (message.contains("funding_calls_zone_ck")) {
			return new Refusal("zone", "funding.call.zone.invalid");
		}
		if (message.contains("funding_instrument_themes")) {
			return new Refusal("themes", "funding.instrument.themes.unknown");
		}
		if (message.contains("funding_call_rules")) {
			return new Refusal(null, "funding.error.callRules");
		}
		if (message.contains("funding_rules")) {
			return new Refusal(null, "funding.error.rules");
		}
		if (message.contains("_ck") || message.contains("value too long")) {
			return new Refusal(null, "funding.error.invalid");
		}
		throw ex;
	}

	private static Map<String, Object> auditView(InstrumentForm form) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("slug", form.slug() == null ? null : form.slug().strip());
		view.put("name", form.name() == null ? null : form.name().strip());
		view.put("shortName", form.shortName() == null ? null : form.shortName().strip());
		view.put("managingBody", Text.blankToNull(form.managingBody()));
		view.put("purpose", Text.blankToNull(form.purpose()));
		view.put("funds", Text.blankToNull(form.funds()));
		view.put("typicalSize", Text.blankToNull(form.typicalSize()));
		view.put("typicalDuration", Text.blankToNull(form.typicalDuration()));
		view.put("officialUrl", Text.blankToNull(form.officialUrl()));
		view.put("example", form.isExample());
		view.put("themes", form.themeCodes());
		view.put("rules", form.rules().stream().map(FundingEditor::describe).toList());
		return view;
	}

	private static String describe(Rule r) {
		return switch (r.kind()) {
			case COUNTRY_GROUP -> r.kind() + " " + r.role() + " " + r.group();
			case COUNTRY -> r.kind() + " " + r.role() + " " + r.countryCode() + (r.allowed() ? " allowed" : " refused");
			case BODY_KIND -> r.kind() + " " + r.bodyKind();
			case MIN_PARTNERS, MIN_COUNTRIES, MIN_ELIGIBLE_COUNTRIES -> r.kind() + " " + r.minimum();
			case MAX_PARTNERS -> r.kind() + " " + r.maximum();
			case MIN_FROM_GROUP -> r.kind() + " " + r.group() + " " + r.minimum();
			case MIN_PARTICIPANTS -> r.kind() + " " + r.minimum() + (r.minimumAbroad() == null ? "" : " abroad " + r.minimumAbroad());
			case CONDITION -> r.kind() + " " + r.condition();
		};
	}

	private static Map<String, Object> auditView(CallForm form, Times times) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("title", form.title() == null ? null : form.title().strip());
		view.put("opensAt", times.opens());
		view.put("closesAt", times.closes());
		view.put("timeZone", times.zone().getId());
		view.put("budget", Text.blankToNull(form.budget()));
		view.put("url", Text.blankToNull(form.url()));
		view.put("rules", form.rules().stream().map(FundingEditor::describe).toList());
		return view;
	}
}
