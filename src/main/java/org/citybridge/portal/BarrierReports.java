package org.citybridge.portal;

import org.citybridge.system.Text;
import java.util.Locale;

import org.citybridge.system.RateLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the barriers visitors report, for staff to read and resolve. */
@Service
class BarrierReports {

	private final JdbcClient jdbc;

	private final RateLimits limits;

	BarrierReports(JdbcClient jdbc, RateLimits limits) {
		this.jdbc = jdbc;
		this.limits = limits;
	}

	/** How many reports one client address may send in {@link #WINDOW}. */
	static final int MAX_REPORTS = 10;

	static final java.time.Duration WINDOW = java.time.Duration.ofHours(1);

	/**
	 * Keeps the report, unless this client address has sent {@link #MAX_REPORTS} in the last hour
	 * (anyone may send one, signed in or not: the limit keeps a script from burying the staff's list).
	 * @return whether the report was kept
	 */
	@Transactional
	boolean report(BarrierReportForm form, Locale locale, String clientAddress) {
		if (!this.limits.tryAcquire("barrier-report", clientAddress, MAX_REPORTS, WINDOW)) {
			return false;
		}
		this.jdbc.sql("INSERT INTO barrier_reports (page, description, email, language) VALUES (?, ?, ?, ?)")
			.params(Text.blankToNull(form.page()), form.description().strip(), Text.blankToNull(form.email()),
					locale.getLanguage())
			.update();
		return true;
	}

	/** A report as staff read it. */
	record Report(long id, String page, String description, String email, String language, java.time.Instant createdAt) {
	}

	@Transactional(readOnly = true)
	java.util.List<Report> recent() {
		return this.jdbc.sql("""
				SELECT id, page, description, email, language, created_at FROM barrier_reports
				ORDER BY created_at DESC, id DESC LIMIT 200
				""").query((rs, n) -> new Report(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getTimestamp(6).toInstant())).list();
	}

	@Transactional(readOnly = true)
	long count() {
		return this.jdbc.sql("SELECT count(*) FROM barrier_reports").query(Long.class).single();
	}

}
