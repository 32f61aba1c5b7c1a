package org.citybridge.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: at most one mail a day per account, gathering its notices delivered as
 * {@link Delivery#DIGEST} and not mailed yet. Safe with several instances of the portal: the round
 * runs on one instance only (the ShedLock row {@code notice-digest}, held at least
 * {@code citybridge.notices.digest-lock-at-least}, a minute, so that an instance whose clock is a
 * little behind does not run it again), and each account's day is claimed in one statement on
 * {@code notice_digests}, so that even two rounds would send it once.
 */
@Component
public class NoticeDigests {

	private static final Logger log = LoggerFactory.getLogger(NoticeDigests.class);

	private final JdbcClient jdbc;

	private final NoticeMails mails;

	private final TransactionTemplate transactions;

	private final Clock clock;

	NoticeDigests(JdbcClient jdbc, NoticeMails mails, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.mails = mails;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** Every morning (UTC) by default; {@code citybridge.notices.digest-cron} changes the hour. */
	@Scheduled(cron = "${citybridge.notices.digest-cron:0 0 7 * * *}", zone = "UTC")
	@SchedulerLock(name = "notice-digest", lockAtMostFor = "${citybridge.notices.digest-lock-at-most:PT1H}",
			lockAtLeastFor = "${citybridge.notices.digest-lock-at-least:PT1M}")
	public void daily() {
		int sent = send(LocalDate.now(this.clock.withZone(ZoneOffset.UTC)));
		log.info("Notice digest round: {} digest(s) sent", sent);
	}

	/**
	 * Sends the digest of {@code today} to every account with unmailed digest notices that has
	 * not had one that day; each account in its own transaction.
	 * @return how many digests were sent
	 */
	public int send(LocalDate today) {
		List<Long> accounts = this.jdbc.sql("""
				SELECT DISTINCT account_id FROM notices WHERE delivery = 'DIGEST' AND mailed_at IS NULL ORDER BY account_id
				""").query(Long.class).list();
		int sent = 0;
		for (long account : accounts) {
			Boolean done = this.transactions.execute(status -> {
				boolean mailed = sendOne(account, today);
				if (!mailed) {
					status.setRollbackOnly();
				}
				return mailed;
			});
			if (Boolean.TRUE.equals(done)) {
				sent++;
			}
		}
		return sent;
	}

	private boolean sendOne(long account, LocalDate today) {
		// One statement claims the day: a second instance, or a second run the same day, finds it taken.
		int claimed = this.jdbc.sql("""
				INSERT INTO notice_digests (account_id, last_sent_on) VALUES (?, ?)
				ON CONFLICT (account_id) DO UPDATE SET last_sent_on = EXCLUDED.last_sent_on
				WHERE notice_digests.last_sent_on < EXCLUDED.last_sent_on
				""").params(account, today).update();
		if (claimed == 0) {
			return false;
		}
		Optional<NoticeMails.Recipient> recipient = this.mails.recipient(account);
		List<NoticeMails.Stored> notices = this.jdbc.sql("SELECT " + NoticeMails.COLUMNS + """
				 FROM notices n WHERE n.account_id = ? AND n.delivery = 'DIGEST' AND n.mailed_at IS NULL
				ORDER BY n.created_at, n.id FOR UPDATE
				""").param(account).query(NoticeMails::row).list();
		if (recipient.isEmpty() || notices.isEmpty()) {
			return false;
		}
		this.mails.mailDigest(recipient.get(), notices);
		this.jdbc.sql("UPDATE notices SET mailed_at = now() WHERE id IN (:ids)")
			.param("ids", notices.stream().map(NoticeMails.Stored::id).toList())
			.update();
		return true;
	}

	/**
	 * Turns on the portal's scheduled jobs (the digest is the first) on Spring Boot's own scheduler
	 * (one thread, {@code spring.task.scheduling.*}). That scheduler is also an executor, so the
	 * features that run work in the background name the one they mean: {@code applicationTaskExecutor}.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class Scheduling {
	}
}
