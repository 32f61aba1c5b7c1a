package org.citybridge.event.meetings;

import java.util.LinkedHashMap;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citybridge.audit.AuditLog;
import org.citybridge.event.EventCatalogue;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opting in to an event's meetings and out again. Only a person with a seat at the event opts in;
 * the profile is their consent to be listed to the event's other participants (never to the
 * public). Withdrawing deletes the profile, and with it (PostgreSQL cascades) their meetings, of
 * which the other sides hear.
 */
@Service
class MeetingProfiles {

	/** The languages a profile may name: the portal's three and the forum's usual others. */
	static final List<String> LANGUAGES = List.of("en", "mn", "fr", "de", "ru", "es", "it", "nl", "pl", "zh");

	private final JdbcClient jdbc;

	private final EventCatalogue catalogue;

	private final MeetingData data;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final MeetingNotices notices;

	private final Clock clock;

	MeetingProfiles(JdbcClient jdbc, EventCatalogue catalogue, MeetingData data, AuditLog audit,
			TransactionTemplate transactions, MeetingNotices notices, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.data = data;
		this.audit = audit;
		this.transactions = transactions;
		this.notices = notices;
	}

	/** The event, when it has a meeting programme and the actor a seat at it; else 404 or 403. */
	EventCatalogue.Event eligible(Actor actor, String slug) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		if (this.data.settings(event.id()).isEmpty()) {
			throw new MeetingsNotFound(slug);
		}
		if (actor.accountId() == null || !this.data.registered(event.id(), actor.accountId())) {
			throw new AccessDeniedException("Only people registered for " + slug + " take part in its meetings");
		}
		return event;
	}

	/** The actor's profile as the form shows it, or one filled from their municipality's or organisation's. */
	MeetingProfileForm form(Actor actor, EventCatalogue.Event event) {
		MeetingProfileForm form = new MeetingProfileForm();
		this.data.profile(event.id(), actor.accountId()).ifPresentOrElse(p -> {
			form.setPersonName(p.personName());
			form.setRepresents(p.represents());
			form.setCountryCode(p.countryCode());
			form.setOffers(new java.util.ArrayList<>(p.offers()));
			form.setSeeks(new java.util.ArrayList<>(p.seeks()));
			form.setLanguages(new java.util.ArrayList<>(p.languages()));
			form.setAbout(p.about());
			form.setInterpretation(p.interpretation());
			form.setConsent(true);
			form.setVersion(p.version());
		}, () -> {
			this.jdbc.sql("""
					SELECT coalesce(a.display_name, ''), coalesce(m.name, o.name, ''), coalesce(m.country_code, ''),
					       ARRAY(SELECT theme_code FROM municipality_offered_themes WHERE municipality_id = m.id ORDER BY 1),
					       ARRAY(SELECT theme_code FROM municipality_sought_themes WHERE municipality_id = m.id ORDER BY 1)
					FROM accounts a LEFT JOIN municipalities m ON m.id = a.municipality_id
					LEFT JOIN organisations o ON o.id = a.organisation_id WHERE a.id = ?
					""").param(actor.accountId()).query((rs, n) -> {
				form.setPersonName(rs.getString(1));
				form.setRepresents(rs.getString(2));
				form.setCountryCode(Text.blankToNull(rs.getString(3)));
				form.setOffers(new java.util.ArrayList<>(MeetingData.strings(rs.getArray(4))));
				form.setSeeks(new java.util.ArrayList<>(MeetingData.strings(rs.getArray(5))));
				return 1;
			}).optional();
		});
		return form;
	}

	/** Saves the actor's profile (opting in, or changing it); answers whether it was new. */
	boolean save(Actor actor, String actorLabel, String slug, MeetingProfileForm form) {
		EventCatalogue.Event event = eligible(actor, slug);
		Set<String> themes = Set.copyOf(this.jdbc.sql("SELECT code FROM themes").query(String.class).list());
		if (!themes.containsAll(form.getOffers())) {
			throw new Refusal("offers", "meeting.profile.themes.unknown");
		}
		if (!themes.containsAll(form.getSeeks())) {
			throw new Refusal("seeks", "meeting.profile.themes.unknown");
		}
		if (!LANGUAGES.containsAll(form.getLanguages())) {
			throw new Refusal("languages", "meeting.profile.languages.unknown");
		}
		Long municipality = this.jdbc.sql("SELECT municipality_id FROM accounts WHERE id = ?").param(actor.accountId())
			.query(Long.class).optional().orElse(null);
		Object[] values = { form.getPersonName().strip(), municipality, form.getRepresents().strip(), form.getCountryCode(),
				form.getOffers().stream().distinct().toArray(String[]::new), form.getSeeks().stream().distinct().toArray(String[]::new),
				form.getLanguages().stream().distinct().toArray(String[]::new), Text.blankToNull(form.getAbout()),
				form.getInterpretation() };
		try {
			return Boolean.TRUE.equals(this.transactions.execute(tx -> {
				boolean created = form.getVersion() == null;
				int changed;
				if (created) {
					changed = this.jdbc.sql("""
							INSERT INTO meeting_profiles (event_id, account_id, person_name, municipality_id, represents, country_code,
							                              offers, seeks, languages, about, interpretation)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
							""").params(event.id(), actor.accountId(), values[0], values[1], values[2], values[3], values[4],
							values[5], values[6], values[7], values[8]).update();
				}
				else {
					changed = this.jdbc.sql("""
							UPDATE meeting_profiles SET person_name = ?, municipality_id = ?, represents = ?, country_code = ?,
							       offers = ?, seeks = ?, languages = ?, about = ?, interpretation = ?, version = version + 1
							WHERE event_id = ? AND account_id = ? AND version = ?
							""").params(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7],
							values[8], event.id(), actor.accountId(), form.getVersion()).update();
				}
				if (changed == 0) {
					throw Refusal.ofForm("meeting.profile.stale");
				}
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("eventId", event.id());
				after.put("represents", values[2]);
				after.put("countryCode", values[3]);
				after.put("interpretation", values[8]);
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "meetingProfile", actor.accountId(),
						created ? AuditLog.Action.CREATE : AuditLog.Action.UPDATE, null, after);
				return created;
			}));
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			if (message.contains("meeting_profiles_account_uk")) {
				throw Refusal.ofForm("meeting.profile.stale");
			}
			if (message.contains("country_code")) {
				throw new Refusal("countryCode", "meeting.profile.country.required");
			}
			throw ex;
		}
	}

	/** Withdraws the actor's consent: the profile goes, and its meetings with it; the other sides hear of it. */
	String withdraw(Actor actor, String actorLabel, String slug) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		if (actor.accountId() == null) {
			throw new AccessDeniedException("Withdrawing needs an account");
		}
		return this.transactions.execute(tx -> {
			// A request whose slot began unanswered has expired: nobody hears it is cancelled.
			this.data.expire(event.id(), this.clock.instant());
			List<MeetingData.Meeting> meetings = this.data.meetingsOf(event.id(), actor.accountId());
			int gone = this.jdbc.sql("DELETE FROM meeting_profiles WHERE event_id = ? AND account_id = ?")
				.params(event.id(), actor.accountId()).update();
			if (gone > 0) {
				for (MeetingData.Meeting m : meetings) {
					if (m.status() == MeetingStatus.REQUESTED || m.status() == MeetingStatus.ACCEPTED) {
						this.notices.cancelled(event, m, actor.accountId());
					}
				}
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "meetingProfile", actor.accountId(),
						AuditLog.Action.DELETE, Map.of("eventId", event.id(), "meetings", meetings.size()), null);
			}
			return gone > 0 ? "meeting.profile.flash.withdrawn" : "meeting.profile.flash.none";
		});
	}
}
