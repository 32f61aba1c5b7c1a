package org.citybridge.learning;

import java.util.Map;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.files.AttachmentType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The files attached to a case study: added by whoever may edit it (PDFs and images only, checked
 * for what they are rather than what they are called, at most ten, a PDF that runs scripts or
 * inflates beyond reason refused), read by whoever may read it.
 */
@Service
record CaseStudyAttachments(JdbcClient jdbc,
		CaseStudies caseStudies,
		AuditLog audit,
		TransactionTemplate transactions) {

	void addAttachment(Actor actor, String actorLabel, long id, String originalName, byte[] data) {
		this.caseStudies.editable(actor, id);
		AttachmentType.Checked checked = AttachmentType.check(originalName, data, "file", "learning.attachment");
		AttachmentType type = checked.type();
		String name = checked.name();
		this.transactions.executeWithoutResult(tx -> {
			long count = this.jdbc.sql("SELECT count(*) FROM case_study_attachments WHERE case_study_id = ?")
				.param(id)
				.query(Long.class)
				.single();
			if (count >= 10) {
				throw new Refusal("file", "learning.attachment.tooMany");
			}
			long attachmentId = this.jdbc.sql("""
					INSERT INTO case_study_attachments (case_study_id, file_name, content_type, size_bytes, data)
					VALUES (?, ?, ?, ?, ?) RETURNING id
					""").params(id, name, type.contentType, data.length, data).query(Long.class).single();
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "case_study", id, AuditLog.Action.UPDATE,
					Map.of(), Map.of("attachmentAdded", attachmentId + " " + name));
		});
	}

	CaseStudies.AttachmentFile attachment(Actor actor, long id, long attachmentId) {
		this.caseStudies.read(actor, id);
		return this.jdbc.sql("SELECT file_name, content_type, data FROM case_study_attachments WHERE id = ? AND case_study_id = ?")
			.params(attachmentId, id)
			.query((rs, n) -> new CaseStudies.AttachmentFile(AttachmentType.downloadName(rs.getString(1), rs.getString(2)), rs.getString(2),
					rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new CaseStudyNotFound(id + "/" + attachmentId));
	}
}
