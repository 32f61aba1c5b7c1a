package org.citybridge.notice;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Announces what happened to the people it concerns. */
@Service
public class Notices {

	private record Inserted(long id, String delivery) {
	}

	private final JdbcClient jdbc;

	private final NoticeMails mails;

	Notices(JdbcClient jdbc, NoticeMails mails) {
		this.jdbc = jdbc;
		this.mails = mails;
	}

	/**
	 * Makes one notice for each person of the announcement's audiences (once each, never for the
	 * account that made the change), inside the caller's transaction: if the change rolls back, so
	 * do its notices.
	 * @return how many people were notified
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int announce(Announcement announcement) {
		Set<Long> recipients = new LinkedHashSet<>();
		for (Audience audience : announcement.audiences()) {
			recipients.addAll(members(audience));
		}
		if (announcement.actorId() != null) {
			recipients.remove(announcement.actorId());
		}
		String[] args = announcement.args().toArray(String[]::new);
		for (long accountId : recipients) {
			Inserted inserted = this.jdbc.sql("""
					INSERT INTO notices (account_id, kind, args, link, delivery)
					VALUES (:account, :kind, :args, :link,
					        coalesce((SELECT delivery FROM notice_preferences WHERE account_id = :account AND kind = :kind), 'IMMEDIATE'))
					RETURNING id, delivery
					""")
				.param("account", accountId)
				.param("kind", announcement.kind().name())
				.param("args", args)
				.param("link", announcement.link())
				.query((rs, n) -> new Inserted(rs.getLong(1), rs.getString(2)))
				.single();
			if (Delivery.IMMEDIATE.name().equals(inserted.delivery())) {
				// In the same transaction: the mail is kept in the outbox only if the change is made.
				this.mails.mailNow(inserted.id());
			}
		}
		return recipients.size();
	}

	/** The active accounts an audience stands for. */
	private List<Long> members(Audience audience) {
		String active = "enabled AND deleted_at IS NULL";
		// Java 17: no pattern matching for switch yet.
		if (audience instanceof Audience.Accounts accounts) {
			return accounts.accountIds().isEmpty() ? List.of()
					: this.jdbc.sql("SELECT id FROM accounts WHERE id IN (:ids) AND " + active + " ORDER BY id")
						.param("ids", accounts.accountIds())
						.query(Long.class)
						.list();
		}
		if (audience instanceof Audience.OfficersOf officers) {
			return this.jdbc
				.sql("SELECT id FROM accounts WHERE role = 'OFFICER' AND municipality_id = ? AND " + active + " ORDER BY id")
				.param(officers.municipalityId())
				.query(Long.class)
				.list();
		}
		if (audience instanceof Audience.StaffOf staff) {
			return this.jdbc
				.sql("SELECT id FROM accounts WHERE role = 'STAFF' AND organisation_id = ? AND " + active + " ORDER BY id")
				.param(staff.organisationId())
				.query(Long.class)
				.list();
		}
		if (audience instanceof Audience.Administrators) {
			return this.jdbc.sql("SELECT id FROM accounts WHERE role = 'ADMIN' AND " + active + " ORDER BY id")
				.query(Long.class)
				.list();
		}
		Audience.Followers followers = (Audience.Followers) audience;
		return this.jdbc.sql("""
				SELECT f.account_id FROM follows f JOIN accounts a ON a.id = f.account_id
				WHERE f.target_type = ? AND f.target_id = ? AND a.enabled AND a.deleted_at IS NULL ORDER BY f.account_id
				""").params(followers.type().name(), followers.id()).query(Long.class).list();
	}
}
