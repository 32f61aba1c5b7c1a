package org.citybridge.learning;

import java.util.Map;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.PdfInspection;
import org.citybridge.system.Refusal;

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
		if (data == null || data.length == 0) {
			throw new Refusal("file", "learning.attachment.empty");
		}
		if (data.length > AttachmentType.MAX_BYTES) {
			throw new Refusal("file", "learning.attachment.tooLarge");
		}
		AttachmentType type = AttachmentType.detect(data)
			.orElseThrow(() -> new Refusal("file", "learning.attachment.type"));
		if (type == AttachmentType.PDF) {
			switch (PdfInspection.inspect(data)) {
				case ACCEPTED -> {
				}
				case TOO_COMPLEX -> throw new Refusal("file", "learning.attachment.tooComplex");
				case SCRIPT -> throw new Refusal("file", "learning.attachment.script");
				case BUSY -> throw new Refusal("file", "learning.attachment.busy");
				case NOT_PDF -> throw new Refusal("file", "learning.attachment.type");
			}
		}
		String name = AttachmentType.safeName(originalName, type);
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
