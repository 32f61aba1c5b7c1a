package org.citybridge.portal;

import org.citybridge.system.Text;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the barriers visitors report, for staff to read and resolve. */
@Service
class BarrierReports {

	private final JdbcClient jdbc;

	BarrierReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	void report(BarrierReportForm form, Locale locale) {
		this.jdbc.sql("INSERT INTO barrier_reports (page, description, email, language) VALUES (?, ?, ?, ?)")
			.params(Text.blankToNull(form.page()), form.description().strip(), Text.blankToNull(form.email()),
					locale.getLanguage())
			.update();
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
