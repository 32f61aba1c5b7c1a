package org.citybridge.agreement.activities;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citybridge.agreement.Agreement;
import org.citybridge.agreement.AgreementNotFound;
import org.citybridge.agreement.AgreementPolicy;
import org.citybridge.agreement.AgreementRepository;
import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.files.AttachmentType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Records, edits and removes what the partners of an agreement did. Who may: the officers of any
 * party and those who may edit the agreement ({@link AgreementPolicy#mayRecordActivities}); every
 * write checks it. An edit names the version it started from and is refused when someone saved in
 * between (optimistic locking in one {@code UPDATE … WHERE version = ?}). A document is checked
 * by its content as case-study attachments are ({@link AttachmentType#check}).
 */
@Service
public class Activities {

	/** The audit log's name for an activity. */
	static final String ENTITY = "agreement_activity";

	/** How many documents an activity keeps at most. */
	static final int MAX_DOCUMENTS = 10;

	private final JdbcClient jdbc;

	private final AgreementRepository agreements;

	private final AgreementPolicy policy;

	private final AuditLog audit;

	private final Clock clock;

	Activities(JdbcClient jdbc, AgreementRepository agreements, AgreementPolicy policy, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.agreements = agreements;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The agreement, if the actor may record its activities.
	 * @throws AgreementNotFound for an unknown agreement
	 * @throws AccessDeniedException for anyone else
	 */
	Agreement writable(Actor actor, long agreementId) {
		Agreement agreement = this.agreements.findById(agreementId).orElseThrow(() -> new AgreementNotFound(agreementId));
		if (!this.policy.mayRecordActivities(actor, agreement)) {
			throw new AccessDeniedException("May not record activities of this agreement");
		}
		return agreement;
	}

	/** Whether the actor may record activities of the agreement (to show the links). */
	public boolean mayRecord(Actor actor, long agreementId) {
		return actor.isSignedIn() && this.agreements.findById(agreementId)
			.map(agreement -> this.policy.mayRecordActivities(actor, agreement))
			.orElse(false);
	}

	/** Records an activity; returns its id. */
	@Transactional
	public long record(Actor actor, String actorLabel, long agreementId, ActivityForm form, String language) {
		Agreement agreement = writable(actor, agreementId);
		Checked checked = check(agreement, form);
		long id = this.jdbc.sql("""
				INSERT INTO agreement_activities (agreement_id, kind, title, starts_on, ends_on, participants,
				    instrument_id, funding_text, outcome, place_municipality_id, language, created_by_account_id,
				    updated_by_account_id)
				VALUES (:agreement, :kind, :title, :startsOn, :endsOn, :participants, :instrument, :funding, :outcome,
				    :place, :language, :who, :who)
				RETURNING id
				""").params(params(agreementId, form, actor)).param("language", language(language)).query(Long.class).single();
		writeLinks(id, form);
		addDocument(id, checked.document());
		this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), ENTITY, id, AuditLog.Action.CREATE, null,
				auditView(agreementId, form));
		return id;
	}

	/** Saves the changes to an activity made from {@code form.version()}. */
	@Transactional
	public void edit(Actor actor, String actorLabel, long agreementId, long activityId, ActivityForm form) {
		Agreement agreement = writable(actor, agreementId);
		Checked checked = check(agreement, form);
		Map<String, Object> params = params(agreementId, form, actor);
		params.put("id", activityId);
		params.put("version", form.versionOrZero());
		int updated = this.jdbc.sql("""
				UPDATE agreement_activities SET kind = :kind, title = :title, starts_on = :startsOn, ends_on = :endsOn,
				    participants = :participants, instrument_id = :instrument, funding_text = :funding,
				    outcome = :outcome, place_municipality_id = :place, updated_by_account_id = :who,
				    version = version + 1, updated_at = now()
				WHERE id = :id AND agreement_id = :agreement AND version = :version
				""").params(params).update();
		if (updated == 0) {
			throw staleOrMissing(agreementId, activityId);
		}
		this.jdbc.sql("DELETE FROM agreement_activity_themes WHERE activity_id = ?").param(activityId).update();
		this.jdbc.sql("DELETE FROM agreement_activity_case_studies WHERE activity_id = ?").param(activityId).update();
		writeLinks(activityId, form);
		addDocument(activityId, checked.document());
		this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), ENTITY, activityId, AuditLog.Action.UPDATE,
				Map.of(), auditView(agreementId, form));
	}

	/** Removes an activity as it was at {@code version}. */
	@Transactional
	public void remove(Actor actor, String actorLabel, long agreementId, long activityId, long version) {
		writable(actor, agreementId);
		int removed = this.jdbc.sql("DELETE FROM agreement_activities WHERE id = ? AND agreement_id = ? AND version = ?")
			.params(activityId, agreementId, version)
			.update();
		if (removed == 0) {
			throw staleOrMissing(agreementId, activityId);
		}
		this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), ENTITY, activityId, AuditLog.Action.DELETE,
				Map.of("agreement", agreementId), Map.of());
	}

	private RuntimeException staleOrMissing(long agreementId, long activityId) {
		boolean exists = this.jdbc.sql("SELECT count(*) FROM agreement_activities WHERE id = ? AND agreement_id = ?")
			.params(activityId, agreementId)
			.query(Long.class)
			.single() > 0;
		return exists ? Refusal.ofForm("activity.error.stale") : new AgreementNotFound(agreementId + "/" + activityId);
	}

	/** What was checked beyond the form's own rules: the document, if one was sent. */
	private record Checked(StoredDocument document) {
	}

	/** A document ready to store. */
	private record StoredDocument(String name, String contentType, byte[] data) {
	}

	private Checked check(Agreement agreement, ActivityForm form) {
		List<Refusal> refusals = new java.util.ArrayList<>();
		LocalDate today = LocalDate.now(this.clock);
		if (form.startsOn() != null && form.startsOn().isAfter(today)) {
			refusals.add(new Refusal("startsOn", "activity.error.startsOn.future"));
		}
		if (form.startsOn() != null && form.endsOn() != null && form.endsOn().isBefore(form.startsOn())) {
			refusals.add(new Refusal("endsOn", "activity.error.endsOn.before"));
		}
		Set<String> themes = new LinkedHashSet<>(form.themesOrEmpty());
		if (!themes.isEmpty()) {
			long known = this.jdbc.sql("SELECT count(*) FROM themes WHERE code IN (:codes)")
				.param("codes", themes)
				.query(Long.class)
				.single();
			if (known != themes.size()) {
				refusals.add(new Refusal("themes", "activity.error.themes.unknown"));
			}
		}
		if (form.instrumentId() != null && this.jdbc.sql("SELECT count(*) FROM funding_instruments WHERE id = ?")
			.param(form.instrumentId())
			.query(Long.class)
			.single() == 0) {
			refusals.add(new Refusal("instrumentId", "activity.error.instrument.unknown"));
		}
		if (form.placeId() != null && !agreement.getPartyKey().contains(form.placeId())) {
			refusals.add(new Refusal("placeId", "activity.error.place.party"));
		}
		Set<Long> studies = new LinkedHashSet<>(form.caseStudiesOrEmpty());
		if (!studies.isEmpty() && !ActivityReads.caseStudyChoiceIds(this.jdbc, agreement.getId()).containsAll(studies)) {
			refusals.add(new Refusal("caseStudyIds", "activity.error.caseStudies.unknown"));
		}
		StoredDocument document = null;
		MultipartFile file = form.document();
		if (file != null && !file.isEmpty()) {
			try {
				if (file.getSize() > AttachmentType.MAX_BYTES) {
					throw new Refusal("document", "activity.document.tooLarge");
				}
				byte[] data = file.getBytes();
				AttachmentType.Checked checked = AttachmentType.check(file.getOriginalFilename(), data, "document",
						"activity.document");
				document = new StoredDocument(checked.name(), checked.type().contentType, data);
			}
			catch (Refusal refused) {
				refusals.add(refused);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		Refusal refused = Refusal.Several.of(refusals);
		if (refused != null) {
			throw refused;
		}
		return new Checked(document);
	}

	private void addDocument(long activityId, StoredDocument document) {
		if (document == null) {
			return;
		}
		long count = this.jdbc.sql("SELECT count(*) FROM agreement_activity_documents WHERE activity_id = ?")
			.param(activityId)
			.query(Long.class)
			.single();
		if (count >= MAX_DOCUMENTS) {
			throw new Refusal("document", "activity.document.tooMany");
		}
		this.jdbc.sql("""
				INSERT INTO agreement_activity_documents (activity_id, file_name, content_type, size_bytes, data)
				VALUES (?, ?, ?, ?, ?)
				""").params(activityId, document.name(), document.contentType(), document.data().length, document.data())
			.update();
	}

	private void writeLinks(long activityId, ActivityForm form) {
		List<String> themes = form.themesOrEmpty().stream().distinct().toList();
		if (!themes.isEmpty()) {
			this.jdbc.sql("INSERT INTO agreement_activity_themes (activity_id, theme_code) SELECT ?, unnest(?::varchar[])")
				.params(activityId, themes.toArray(String[]::new))
				.update();
		}
		List<Long> studies = form.caseStudiesOrEmpty().stream().distinct().toList();
		if (!studies.isEmpty()) {
			this.jdbc.sql("INSERT INTO agreement_activity_case_studies (activity_id, case_study_id) SELECT ?, unnest(?::bigint[])")
				.params(activityId, studies.toArray(Long[]::new))
				.update();
		}
	}

	private static Map<String, Object> params(long agreementId, ActivityForm form, Actor actor) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("agreement", agreementId);
		params.put("kind", form.kind().name());
		params.put("title", form.title().strip());
		params.put("startsOn", form.startsOn());
		params.put("endsOn", form.endsOn());
		params.put("participants", form.participants());
		params.put("instrument", form.instrumentId());
		params.put("funding", blankToNull(form.fundingText()));
		params.put("outcome", blankToNull(form.outcome()));
		params.put("place", form.placeId());
		params.put("who", actor.accountId());
		return params;
	}

	private static Map<String, Object> auditView(long agreementId, ActivityForm form) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("agreement", agreementId);
		view.put("kind", form.kind());
		view.put("title", form.title());
		view.put("startsOn", form.startsOn());
		view.put("endsOn", form.endsOn());
		view.put("participants", form.participants());
		view.put("themes", form.themesOrEmpty());
		view.put("instrument", form.instrumentId());
		view.put("fundingText", form.fundingText());
		view.put("outcome", form.outcome());
		view.put("place", form.placeId());
		view.put("caseStudies", form.caseStudiesOrEmpty());
		return view;
	}

	/** The page's language if the portal has it, else English. */
	static String language(String language) {
		return language != null && List.of("en", "mn", "fr").contains(language) ? language : "en";
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
