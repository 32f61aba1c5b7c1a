package org.citybridge.matchmaking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.OfficerMail;
import org.citybridge.system.Text;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a partnership request: sent by an officer of A to B, answered by B (accepted,
 * declined with an optional reason), replied to by either side, withdrawn by A while pending.
 * PostgreSQL holds the limits (one pending request per pair, ten pending outgoing per
 * municipality); a refusal comes back as {@link Refused}. Every step is audited and mailed to the
 * other side's officers in the same transaction.
 */
@Service
class PartnershipRequests {

	/** The change was not made; the message key (with its argument) says why. */
	static class Refused extends RuntimeException {

		final String field;

		final String messageKey;

		final Object[] arguments;

		Refused(String field, String messageKey, Object... arguments) {
			super(messageKey);
			this.field = field;
			this.messageKey = messageKey;
			this.arguments = arguments;
		}
	}

	/** How many pending outgoing requests a municipality may have; the database's CHECK says the same. */
	static final int PENDING_LIMIT = 10;

	private final JdbcClient jdbc;

	private final Requests requests;

	private final AuditLog audit;

	private final OfficerMail mail;

	private final MessageSource messages;

	private final TransactionTemplate transactions;

	PartnershipRequests(JdbcClient jdbc, Requests requests, AuditLog audit, OfficerMail mail, MessageSource messages,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.requests = requests;
		this.audit = audit;
		this.mail = mail;
		this.messages = messages;
		this.transactions = new TransactionTemplate(transactionManager);
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
		try {
			return this.transactions.execute(tx -> {
				long id = this.jdbc.sql("""
						INSERT INTO partnership_requests (from_municipality_id, to_municipality_id, message, proposed_instrument, sent_by)
						VALUES (?, ?, ?, ?, ?) RETURNING id
						""").params(from, to.id(), form.message().strip(), Text.blankToNull(form.proposedInstrument()),
						actor.accountId())
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
				after.put("proposedInstrument", Text.blankToNull(form.proposedInstrument()));
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "partnership_request", id,
						AuditLog.Action.CREATE, null, after);
				String fromName = this.requests.municipality(from).map(Requests.Named::name).orElse("");
				notify(to.id(), "matchmaking.mail.sent", id, baseUrl, locale, fromName, form.message().strip());
				return id;
			});
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			if (message.contains("partnership_requests_pending_pair_uk")) {
				throw new Refused(null, "matchmaking.request.error.pending", to.name());
			}
			if (message.contains("partnership_request_quota_pending_ck")) {
				throw new Refused(null, "matchmaking.request.error.limit", PENDING_LIMIT);
			}
			if (message.contains("partnership_request_themes_theme_code_fkey")) {
				throw new Refused("themes", "matchmaking.request.error.theme");
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
			throw new Refused("body", "matchmaking.request.body.required");
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
			notify(other, "matchmaking.mail.replied", id, baseUrl, locale, author, body);
		});
	}

	void accept(Actor actor, String actorLabel, long id, String baseUrl, Locale locale) {
		close(actor, actorLabel, id, RequestStatus.ACCEPTED, null, baseUrl, locale);
	}

	void decline(Actor actor, String actorLabel, long id, AnswerForm form, String baseUrl, Locale locale) {
		close(actor, actorLabel, id, RequestStatus.DECLINED, Text.blankToNull(form.body()), baseUrl, locale);
	}

	void withdraw(Actor actor, String actorLabel, long id, String baseUrl, Locale locale) {
		close(actor, actorLabel, id, RequestStatus.WITHDRAWN, null, baseUrl, locale);
	}

	private void close(Actor actor, String actorLabel, long id, RequestStatus status, String reason, String baseUrl,
			Locale locale) {
		this.transactions.executeWithoutResult(tx -> {
			Requests.Request visible = this.requests.visible(actor, id).orElseThrow(() -> new RequestNotFound(id));
			boolean allowed = status == RequestStatus.WITHDRAWN ? RequestPolicy.mayWithdraw(actor, visible)
					: RequestPolicy.mayAnswer(actor, visible);
			Requests.Request request = open(actor, id, allowed);
			String side = RequestPolicy.side(actor, request);
			// The status guard makes a concurrent second answer change nothing.
			int updated = this.jdbc.sql("""
					UPDATE partnership_requests SET status = ?, closed_at = now(), last_step_at = now(), last_step_side = ?
					WHERE id = ? AND status = 'PENDING'
					""").params(status.name(), side, id).update();
			if (updated == 0) {
				throw new Refused(null, "matchmaking.request.error.closed");
			}
			step(id, status.name(), side, actor, reason);
			Map<String, Object> before = Map.of("status", RequestStatus.PENDING);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("status", status);
			after.put("reason", reason);
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "partnership_request", id,
					AuditLog.Action.UPDATE, before, after);
			long other = "FROM".equals(side) ? request.toId() : request.fromId();
			String author = "FROM".equals(side) ? request.fromName() : request.toName();
			notify(other, "matchmaking.mail." + status.name().toLowerCase(Locale.ROOT), id, baseUrl, locale, author,
					reason == null ? "" : reason);
		});
	}

	/** The request, locked for the change, if the actor may make it and it is still pending. */
	private Requests.Request open(Actor actor, long id, boolean allowed) {
		if (!allowed) {
			throw new AccessDeniedException("May not change partnership request " + id);
		}
		this.jdbc.sql("SELECT id FROM partnership_requests WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
		Requests.Request request = this.requests.visible(actor, id).orElseThrow(() -> new RequestNotFound(id));
		if (!request.pending()) {
			throw new Refused(null, "matchmaking.request.error.closed");
		}
		return request;
	}

	private void step(long id, String kind, String side, Actor actor, String body) {
		this.jdbc.sql("INSERT INTO partnership_request_steps (request_id, kind, side, account_id, body) VALUES (?, ?, ?, ?, ?)")
			.params(id, kind, side, actor.accountId(), body)
			.update();
	}

	private void notify(long municipalityId, String key, long id, String baseUrl, Locale locale, String who, String text) {
		String subject = this.messages.getMessage(key + ".subject", new Object[] { who }, locale);
		String body = this.messages.getMessage(key + ".body", new Object[] { who, text, baseUrl + "/requests/" + id },
				locale);
		this.mail.toOfficersOf(municipalityId, subject, body);
	}
}
