package org.citybridge.agreement.register;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.citybridge.notice.Announcement;
import org.citybridge.notice.Audience;
import org.citybridge.notice.Followable;
import org.citybridge.notice.NoticeKind;
import org.citybridge.notice.Notices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the officers of an agreement's municipalities, and those who follow the agreement or one
 * of its municipalities, that it was registered, verified or ended: inside the transaction that
 * made the change (the caller's), so a change rolled back announces nothing. Reads the agreement as
 * stored, so a JPA change must be flushed first.
 */
@Component
public class AgreementNotices {

	private final JdbcClient jdbc;

	private final Notices notices;

	AgreementNotices(JdbcClient jdbc, Notices notices) {
		this.jdbc = jdbc;
		this.notices = notices;
	}

	private record Stored(long id, String title, List<Long> parties) {
	}

	/** Announces the kind for the agreement; {@code actorId} (null for the system) does not hear it. */
	public void announce(NoticeKind kind, long agreementId, Long actorId) {
		announceAll(kind, List.of(agreementId), actorId);
	}

	/**
	 * The same for many agreements (an import): only those with someone to tell are read, in one
	 * statement, so a list of thousands of pairs between municipalities nobody signed in for costs
	 * one query.
	 */
	public void announceAll(NoticeKind kind, Collection<Long> agreementIds, Long actorId) {
		if (agreementIds.isEmpty()) {
			return;
		}
		List<Stored> concerned = this.jdbc.sql("""
				SELECT a.id, a.title, a.party_key FROM agreements a
				WHERE a.id = ANY (?::bigint[])
				  AND (EXISTS (SELECT 1 FROM accounts x WHERE x.role = 'OFFICER' AND x.municipality_id = ANY (a.party_key)
				                 AND x.enabled AND x.deleted_at IS NULL)
				       OR EXISTS (SELECT 1 FROM follows f WHERE f.target_type = 'MUNICIPALITY' AND f.target_id = ANY (a.party_key))
				       OR EXISTS (SELECT 1 FROM follows f WHERE f.target_type = 'AGREEMENT' AND f.target_id = a.id))
				ORDER BY a.id
				""").param(agreementIds.toArray(Long[]::new)).query((rs, n) -> {
			List<Long> parties = new ArrayList<>();
			for (Object party : (Object[]) rs.getArray(3).getArray()) {
				parties.add(((Number) party).longValue());
			}
			return new Stored(rs.getLong(1), rs.getString(2), parties);
		}).list();
		for (Stored agreement : concerned) {
			List<Audience> audiences = new ArrayList<>();
			audiences.add(Audience.followers(Followable.AGREEMENT, agreement.id()));
			for (long party : agreement.parties()) {
				audiences.add(Audience.officersOf(party));
				audiences.add(Audience.followers(Followable.MUNICIPALITY, party));
			}
			this.notices.announce(Announcement.of(kind)
				.to(audiences.toArray(Audience[]::new))
				.args(agreement.title())
				.link("/agreements/" + agreement.id())
				.by(actorId));
		}
	}
}
