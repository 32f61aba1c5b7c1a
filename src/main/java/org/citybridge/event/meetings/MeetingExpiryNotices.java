package org.citybridge.event.meetings;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.citybridge.event.EventCatalogue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells each person who asked for a meeting, once, that their request expired: its slot began and
 * the person asked had not answered. Every few minutes on one instance (the ShedLock row
 * {@code meeting-expiry}), the round first lets every event's due requests expire through the one
 * statement the pages use ({@code meetings_expire}, V87), then takes the expired requests not yet told
 * and marks them told in the same statement ({@code expiry_noticed_at}, V93): a second round, or a
 * second instance waiting on the first's rows, finds none of them again. A request that a page let
 * expire earlier is told by the next round all the same.
 */
@Component
class MeetingExpiryNotices {

	private static final Logger log = LoggerFactory.getLogger(MeetingExpiryNotices.class);

	private record Due(long id, long eventId) {
	}

	private final JdbcClient jdbc;

	private final EventCatalogue catalogue;

	private final MeetingData data;

	private final MeetingNotices notices;

	private final TransactionTemplate transactions;

	private final Clock clock;

	MeetingExpiryNotices(JdbcClient jdbc, EventCatalogue catalogue, MeetingData data, MeetingNotices notices,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.data = data;
		this.notices = notices;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Every ten minutes by default: a slot is 10 to 120 minutes long, and the person who asked should
	 * hear in time to book another one. {@code citybridge.meeting-expiry.cron} changes it ({@code -}
	 * switches it off, as the tests do, which run the round with a clock of their own).
	 */
	@Scheduled(cron = "${citybridge.meeting-expiry.cron:0 */10 * * * *}", zone = "UTC")
	@SchedulerLock(name = "meeting-expiry", lockAtMostFor = "PT9M", lockAtLeastFor = "PT1M")
	void round() {
		int told = announceExpired();
		if (told > 0) {
			log.info("Meeting expiry round: {} request(s) announced as expired", told);
		}
	}

	/**
	 * Lets the requests whose slot has begun expire and tells each one's asker once.
	 * @return how many people were told
	 */
	int announceExpired() {
		Instant now = this.clock.instant();
		Integer told = this.transactions.execute(tx -> {
			List<Long> events = this.jdbc.sql("SELECT DISTINCT event_id FROM meetings WHERE status = 'REQUESTED' AND starts_at <= ?")
				.param(Timestamp.from(now)).query(Long.class).list();
			for (long event : events) {
				this.data.expire(event, now);
			}
			List<Due> due = this.jdbc.sql("""
					UPDATE meetings SET expiry_noticed_at = ? WHERE status = 'EXPIRED' AND expiry_noticed_at IS NULL
					RETURNING id, event_id
					""").param(Timestamp.from(now)).query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2))).list();
			Map<Long, EventCatalogue.Event> forums = new HashMap<>();
			int count = 0;
			for (Due d : due.stream().sorted(Comparator.comparingLong(Due::id)).toList()) {
				EventCatalogue.Event event = forums.computeIfAbsent(d.eventId(), this.catalogue::byId);
				MeetingData.Meeting meeting = this.data.meeting(d.eventId(), d.id()).orElse(null);
				if (meeting != null) {
					this.notices.expired(event, meeting);
					count++;
				}
			}
			return count;
		});
		return told == null ? 0 : told;
	}
}
