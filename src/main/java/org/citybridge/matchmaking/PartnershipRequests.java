package org.citybridge.matchmaking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.citybridge.agreement.AgreementLookup;
import org.citybridge.agreement.AgreementType;
import org.citybridge.agreement.Agreements;
import org.citybridge.audit.AuditLog;
import org.citybridge.event.EventCatalogue;
import org.citybridge.notice.Announcement;
import org.citybridge.notice.Audience;
import org.citybridge.notice.NoticeKind;
import org.citybridge.notice.Notices;
import org.citybridge.system.Actor;
import org.citybridge.system.OfficerMail;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;
import org.citybridge.theme.Themes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BindingResult;

/**
 * The life of a partnership request: sent by an officer of A to B, answered by B (accepted,
 * declined with an optional reason), replied to by either side, withdrawn by A while pending.
 * Accepting it opens a draft agreement in the register in the same transaction, or leads to the
 * agreement the two already have. PostgreSQL holds the limits (one pending request per pair, ten
 * pending outgoing per municipality); a refusal comes back as {@link Refusal}. Every step is
 * audited and, in the same transaction, announced to the other side's officers (a notice, mailed in
 * each one's language; a reply, which has no notice, is mailed to them directly).
 */
@Service
record PartnershipRequests(JdbcClient jdbc,
		Requests requests,
		AuditLog audit,
		OfficerMail mail,
		MessageSource messages,
		TransactionTemplate transactions,
		Themes themes,
		Agreements agreements,
		AgreementLookup agreementLookup,
		ObjectProvider<FundingFeasibility> funding,
		Notices notices,
		EventCatalogue events) {

	/** What an officer does with a request from its page. */
	enum Answer {
		REPLY, DECLINE, ACCEPT, WITHDRAW
	}

	/**
	 * A request's page: its steps, whether the actor's side has read it, what the actor may do, and
	 * the agreement it led to ({@code null} while there is none).
	 */
	record Detail(Requests.Request request, List<Requests.Step> steps, boolean unread, boolean mayAnswer,
			boolean mayWithdraw, boolean mayReply, AgreementLookup.Summary agreement, FundingFeasibility.Name instrument) {
	}

	/**
	 * What answering came to: the request's page to show again ({@code again}, with why) or done;
	 * when done by accepting, whether the request led to an agreement the two already had rather
	 * than to a new draft.
	 */
	record Answered(Detail again, boolean existingAgreement) {

		boolean done() {
			return this.again == null;
		}
	}

	/**
	 * The requests page: an officer's inbox ({@code own}, {@code listed}, {@code unread}) or, for
	 * staff and administrators, their network's requests with the counts, filtered by {@code chosen}.
	 */
	record Inbox(boolean officer, Requests.Named own, List<Requests.Listed> listed, long unread, RequestStatus chosen,
			Requests.Counts counts) {
	}

	/**
	 * The form of a new request: who it goes to, the themes and the instruments to choose from (those
	 * the two could use), and the form's values; {@code sent} once sent. {@code meetingEvent} names
	 * the forum whose held meeting the request continues, or is {@code null}.
	 */
	record Sending(Long sent, Requests.Named to, List<String> themes, List<FundingFeasibility.Usable> instruments,
			RequestForm form, EventCatalogue.Event meetingEvent) {
	}

	/** How many pending outgoing requests a municipality may have; the database's CHECK says the same. */
	static final int PENDING_LIMIT = 10;

	/** The requests page for the actor: an officer's inbox, or staff's list; else 403. */
	Inbox inbox(Actor actor, RequestStatus chosen) {
		if (actor.role() == Actor.Role.OFFICER && actor.municipalityId() != null) {
			return new Inbox(true, this.requests.municipality(actor.municipalityId()).orElse(null),
					this.requests.ofMunicipality(actor.municipalityId()), this.requests.unreadFor(actor), null, null);
		}
		if (actor.role() == Actor.Role.STAFF || actor.role() == Actor.Role.ADMIN) {
			return new Inbox(false, null, this.requests.forStaff(actor, chosen), 0, chosen,
					this.requests.countsForStaff(actor));
		}
		throw new AccessDeniedException("No requests for this account");
	}

	/** The request's page, if the actor may read it; else 404. Reading changes nothing. */
	Detail detail(Actor actor, long id) {
		return detail(actor, visible(actor, id));
	}

	private Detail detail(Actor actor, Requests.Request request) {
		AgreementLookup.Summary agreement = request.agreementId() == null ? null
				: this.agreementLookup.byIds(List.of(request.agreementId())).stream().findFirst().orElse(null);
		return new Detail(request, this.requests.steps(request.id()), this.requests.unread(actor, request.id()),
				request.pending() && RequestPolicy.mayAnswer(actor, request),
				request.pending() && RequestPolicy.mayWithdraw(actor, request),
				request.pending() && RequestPolicy.mayReply(actor, request), agreement, instrumentName(request));
	}

	/**
	 * The proposed instrument as this reader reads it: its name in their language while it is
	 * listed, else the name stored when the request was sent (in the sender's language, which is
	 * not known for requests older than the reference: shown as it is); {@code null} for none.
	 */
	private FundingFeasibility.Name instrumentName(Requests.Request request) {
		if (request.proposedInstrument() == null) {
			return null;
		}
		java.util.Optional<FundingFeasibility.Name> listed = request.proposedInstrumentId() == null
				? java.util.Optional.empty()
				: this.funding.getIfAvailable(() -> FundingFeasibility.NONE).instrumentName(request.proposedInstrumentId());
		return listed.orElse(new FundingFeasibility.Name(request.proposedInstrument(), null));
	}

	private Requests.Request visible(Actor actor, long id) {
		return this.requests.visible(actor, id).orElseThrow(() -> new RequestNotFound(id));
	}

	/** The officer marks the request read (404 if they may not see it): the header's count goes down. */
	void markRead(Actor actor, long id) {
		markRead(actor, visible(actor, id));
	}

	/**
	 * Answers the request (404 if the actor may not see it) when the form is valid, and marks it read,
	 * since answering is reading: done (for an acceptance, saying whether it led to the pair's
	 * existing agreement); else (or when refused, the refusal added to {@code result}) with the
	 * request's page to show again.
	 */
	Answered answer(Actor actor, String actorLabel, long id, Answer answer, AnswerForm form, BindingResult result,
			String baseUrl, Locale locale) {
		Requests.Request request = visible(actor, id);
		if (!result.hasErrors()) {
			try {
				boolean existing = false;
				switch (answer) {
					case REPLY -> reply(actor, actorLabel, id, form, baseUrl, locale);
					case DECLINE -> decline(actor, actorLabel, id, form, baseUrl, locale);
					case ACCEPT -> existing = !accept(actor, actorLabel, id, baseUrl, locale).added();
					case WITHDRAW -> withdraw(actor, actorLabel, id, baseUrl, locale);
				}
				markRead(actor, request);
				return new Answered(null, existing);
			}
			catch (Refusal refusal) {
				refusal.rejectIn(result);
			}
		}
		return new Answered(detail(actor, visible(actor, request.id())), false);
	}

	/**
	 * The form of a request to the municipality, if the actor may send one there (else 404 or 403),
	 * with the asked themes ticked (those that are themes: a suggestion's link names the themes it
	 * was based on).
	 */
	Sending recipientForm(Actor actor, long toMunicipalityId, List<String> askedThemes, String meeting) {
		Requests.Named to = recipient(actor, toMunicipalityId);
		List<String> codes = this.themes.codes();
		List<String> ticked = askedThemes == null ? List.of()
				: codes.stream().filter(askedThemes::contains).toList();
		// A meeting the actor may not continue towards this municipality is left out, not an error: the link may be old.
		Long held = heldMeeting(actor, to.id(), meeting);
		return new Sending(null, to, codes, usable(actor.municipalityId(), to.id()),
				new RequestForm(ticked, "", "", held == null ? null : held.toString()), meetingEvent(held));
	}

	/**
	 * The meeting a request continues, when it was held (marked so by the host's staff) between
	 * people representing the actor's municipality and {@code to}; {@code null} when none was named
	 * or it is not such a meeting.
	 */
	private Long heldMeeting(Actor actor, long to, String meeting) {
		Long id = Text.idOrNull(meeting);
		if (id == null || actor.municipalityId() == null) {
			return null;
		}
		return this.jdbc.sql("""
				SELECT m.id FROM meetings m
				JOIN meeting_profiles a ON a.event_id = m.event_id AND a.account_id = m.requester_id
				JOIN meeting_profiles b ON b.event_id = m.event_id AND b.account_id = m.invitee_id
				WHERE m.id = :meeting AND m.status = 'HELD'
				  AND ((a.municipality_id = :from AND b.municipality_id = :to) OR (b.municipality_id = :from AND a.municipality_id = :to))
				""").param("meeting", id).param("from", actor.municipalityId()).param("to", to)
			.query(Long.class).optional().orElse(null);
	}

	/** The forum where the meeting was held. */
	private EventCatalogue.Event meetingEvent(Long meeting) {
		return meeting == null ? null : this.jdbc.sql("SELECT event_id FROM meetings WHERE id = ?").param(meeting)
			.query(Long.class).optional().map(this.events::byId).orElse(null);
	}

	/**
	 * Sends the request when the form is valid; else (or when refused, the refusal added to
	 * {@code result}) the form to show again.
	 */
	Sending send(Actor actor, String actorLabel, long toMunicipalityId, RequestForm form, BindingResult result,
			String baseUrl, Locale locale) {
		Requests.Named to = recipient(actor, toMunicipalityId);
		if (!result.hasErrors()) {
			try {
				return new Sending(send(actor, actorLabel, to.id(), form, baseUrl, locale), to, null, null, form, null);
			}
			catch (Refusal refusal) {
				refusal.rejectIn(result);
			}
		}
		return new Sending(null, to, this.themes.codes(), usable(actor.municipalityId(), to.id()), form,
				meetingEvent(heldMeeting(actor, to.id(), form.meeting())));
	}

	/** The instruments the two could use together, as the funding finder lists them. */
	private List<FundingFeasibility.Usable> usable(long from, long to) {
		return this.funding.getIfAvailable(() -> FundingFeasibility.NONE).usableBy(from, to);
	}

	/**
	 * The proposed instrument, sent by its slug: {@code null} for none; refused unless it is one of
	 * those the two could use, as the form offered.
	 */
	private FundingFeasibility.Usable instrument(long from, long to, String slug) {
		String chosen = Text.blankToNull(slug);
		if (chosen == null) {
			return null;
		}
		return usable(from, to).stream()
			.filter(u -> u.slug().equals(chosen.strip()))
			.findFirst()
			.orElseThrow(() -> new Refusal("proposedInstrument", "matchmaking.request.error.instrument"));
	}

	/** The municipality a request would go to, if the actor may send one there; else 404 or 403. */
	Requests.Named recipient(Actor actor, long toMunicipalityId) {
		Requests.Named to = this.requests.municipality(toMunicipalityId)
			.orElseThrow(() -> new RequestNotFound("to " + toMunicipalityId));
		if (!RequestPolicy.maySend(actor, toMunicipalityId)) {
			throw new AccessDeniedException("May not send a request to " + toMunicipalityId);
		}
		return to;
	}

	long send(Actor actor, String actorLabel, long toMunicipalityId, RequestForm form, String baseUrl, Locale locale) {
		Requests.Named to = recipient(actor, toMunicipalityId);
		long from = actor.municipalityId();
		List<String> themes = form.chosenThemes();
		FundingFeasibility.Usable proposed = instrument(from, to.id(), form.proposedInstrument());
		String instrument = proposed == null ? null : proposed.name();
		Long instrumentId = proposed == null ? null : proposed.id();
		Long meeting = null;
		if (Text.blankToNull(form.meeting()) != null) {
			meeting = heldMeeting(actor, to.id(), form.meeting());
			if (meeting == null) {
				throw new Refusal(null, "matchmaking.request.error.meeting");
			}
		}
		Long origin = meeting;
		try {
			return this.transactions.execute(tx -> {
				long id = this.jdbc.sql("""
						INSERT INTO partnership_requests (from_municipality_id, to_municipality_id, message, proposed_instrument,
						    proposed_instrument_id, sent_by, meeting_id)
						VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
						""").params(from, to.id(), form.message().strip(), instrument, instrumentId, actor.accountId(), origin)
					.query(Long.class)
					.single();
				for (String theme : themes) {
					this.jdbc.sql("INSERT INTO partnership_request_themes (request_id, theme_code) VALUES (?, ?)")
						.params(id, theme)
						.update();
				}
				step(id, "SENT", "FROM", actor, null);
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("from", from);
				after.put("to", to.id());
				after.put("status", RequestStatus.PENDING);
				after.put("themes", themes);
				after.put("proposedInstrument", instrument);
				if (origin != null) {
					after.put("meeting", origin);
				}
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "partnership_request", id,
						AuditLog.Action.CREATE, null, after);
				String fromName = this.requests.municipality(from).map(Requests.Named::name).orElse("");
				this.notices.announce(Announcement.of(NoticeKind.REQUEST_SENT)
					.to(Audience.officersOf(to.id()))
					.args(fromName, to.name())
					.link("/requests/" + id)
					.by(actor.accountId()));
				return id;
			});
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			if (message.contains("partnership_requests_pending_pair_uk")) {
				throw new Refusal(null, "matchmaking.request.error.pending", to.name());
			}
			if (message.contains("partnership_request_quota_pending_ck")) {
				throw new Refusal(null, "matchmaking.request.error.limit", PENDING_LIMIT);
			}
			if (message.contains("partnership_requests_meeting_ck") || message.contains("partnership_requests_meeting_fk")) {
				throw new Refusal(null, "matchmaking.request.error.meeting");
			}
			if (message.contains("partnership_request_themes_theme_code_fkey")) {
				throw new Refusal("themes", "matchmaking.request.error.theme");
			}
			throw ex;
		}
	}

	/** Marks the request as read by the actor's side, when the actor is one of its officers. */
	void markRead(Actor actor, Requests.Request request) {
		String side = RequestPolicy.side(actor, request);
		if (side == null) {
			return;
		}
		this.transactions.executeWithoutResult(tx -> this.jdbc
			.sql("UPDATE partnership_requests SET " + ("FROM".equals(side) ? "from_read_at" : "to_read_at")
					+ " = now() WHERE id = ?")
			.param(request.id())
			.update());
	}

	void reply(Actor actor, String actorLabel, long id, AnswerForm form, String baseUrl, Locale locale) {
		String body = Text.blankToNull(form.body());
		if (body == null) {
			throw new Refusal("body", "matchmaking.request.body.required");
		}
		this.transactions.executeWithoutResult(tx -> {
			Requests.Request request = open(actor, id, RequestPolicy.mayReply(actor, this.requests.visible(actor, id)
				.orElseThrow(() -> new RequestNotFound(id))));
			String side = RequestPolicy.side(actor, request);
			step(id, "REPLIED", side, actor, body);
			this.jdbc.sql("UPDATE partnership_requests SET last_step_at = now(), last_step_side = ? WHERE id = ?")
				.params(side, id)
				.update();
			long other = "FROM".equals(side) ? request.toId() : request.fromId();
			String author = "FROM".equals(side) ? request.fromName() : request.toName();
			notify(other, "matchmaking.mail.replied", id, baseUrl, author, body);
		});
	}

	/**
	 * Accepts the request and, in the same transaction, opens a draft sister-city agreement of the
	 * two in the register with the request's themes and proposed instrument, unverified until staff
	 * complete and verify it; when the two already have such an agreement, the request leads to
	 * that one. Returns which.
	 */
	Agreements.Registration accept(Actor actor, String actorLabel, long id, String baseUrl, Locale locale) {
		return close(actor, actorLabel, id, RequestStatus.ACCEPTED, null, baseUrl, locale);
	}

	void decline(Actor actor, String actorLabel, long id, AnswerForm form, String baseUrl, Locale locale) {
		close(actor, actorLabel, id, RequestStatus.DECLINED, Text.blankToNull(form.body()), baseUrl, locale);
	}

	void withdraw(Actor actor, String actorLabel, long id, String baseUrl, Locale locale) {
		close(actor, actorLabel, id, RequestStatus.WITHDRAWN, null, baseUrl, locale);
	}

	private Agreements.Registration close(Actor actor, String actorLabel, long id, RequestStatus status, String reason,
			String baseUrl, Locale locale) {
		return this.transactions.execute(tx -> {
			Requests.Request visible = this.requests.visible(actor, id).orElseThrow(() -> new RequestNotFound(id));
			boolean allowed = status == RequestStatus.WITHDRAWN ? RequestPolicy.mayWithdraw(actor, visible)
					: RequestPolicy.mayAnswer(actor, visible);
			Requests.Request request = open(actor, id, allowed);
			String side = RequestPolicy.side(actor, request);
			// The status guard makes a concurrent second answer change nothing.
			int updated = this.jdbc.sql("""
					UPDATE partnership_requests SET status = ?, closed_at = now(), last_step_at = now(), last_step_side = ?
					WHERE id = ? AND status = ?
					""").params(RequestStatus.PENDING.become(status).name(), side, id, RequestStatus.PENDING.name()).update();
			if (updated == 0) {
				throw new Refusal(null, "matchmaking.request.error.closed");
			}
			step(id, status.name(), side, actor, reason);
			Agreements.Registration agreement = status == RequestStatus.ACCEPTED ? draft(actor, actorLabel, request)
					: null;
			Map<String, Object> before = Map.of("status", RequestStatus.PENDING);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("status", status);
			after.put("reason", reason);
			if (agreement != null) {
				after.put("agreement", agreement.agreementId());
			}
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "partnership_request", id,
					AuditLog.Action.UPDATE, before, after);
			long other = "FROM".equals(side) ? request.toId() : request.fromId();
			this.notices.announce(Announcement.of(kind(status))
				.to(Audience.officersOf(other))
				.args(request.fromName(), request.toName())
				.link("/requests/" + id)
				.by(actor.accountId()));
			return agreement;
		});
	}

	private static NoticeKind kind(RequestStatus status) {
		switch (status) {
			case ACCEPTED:
				return NoticeKind.REQUEST_ACCEPTED;
			case DECLINED:
				return NoticeKind.REQUEST_DECLINED;
			case WITHDRAWN:
				return NoticeKind.REQUEST_WITHDRAWN;
			default:
				throw new IllegalArgumentException("No notice for " + status);
		}
	}

	/** The draft agreement an accepted request opens (or the two's agreement already there), linked to it. */
	private Agreements.Registration draft(Actor actor, String actorLabel, Requests.Request request) {
		Agreements.Registration registration = this.agreements.registerDraft(new Agreements.Draft(
				AgreementType.SISTER_CITY, Set.of(request.fromId(), request.toId()), request.themes(),
				request.proposedInstrument()), actor, actorLabel);
		this.jdbc.sql("UPDATE partnership_requests SET agreement_id = ? WHERE id = ?")
			.params(registration.agreementId(), request.id())
			.update();
		return registration;
	}

	/** The request, locked for the change, if the actor may make it and it is still pending. */
	private Requests.Request open(Actor actor, long id, boolean allowed) {
		if (!allowed) {
			throw new AccessDeniedException("May not change partnership request " + id);
		}
		this.jdbc.sql("SELECT id FROM partnership_requests WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
		Requests.Request request = this.requests.visible(actor, id).orElseThrow(() -> new RequestNotFound(id));
		if (!request.pending()) {
			throw new Refusal(null, "matchmaking.request.error.closed");
		}
		return request;
	}

	private void step(long id, String kind, String side, Actor actor, String body) {
		this.jdbc.sql("INSERT INTO partnership_request_steps (request_id, kind, side, account_id, body) VALUES (?, ?, ?, ?, ?)")
			.params(id, kind, side, actor.accountId(), body)
			.update();
	}

	private void notify(long municipalityId, String key, long id, String baseUrl, String who, String text) {
		mail(municipalityId, key + ".subject", key + ".body", who, text, baseUrl + "/requests/" + id);
	}

	/**
	 * Mails the municipality's officers, each in their own language (not the sender's page's): the
	 * subject names {@code who}; the body takes every argument.
	 */
	private void mail(long municipalityId, String subjectKey, String bodyKey, Object... arguments) {
		this.mail.toOfficersOf(municipalityId, language -> new OfficerMail.Letter(
				this.messages.getMessage(subjectKey, new Object[] { arguments[0] }, language),
				this.messages.getMessage(bodyKey, arguments, language)));
	}
}
