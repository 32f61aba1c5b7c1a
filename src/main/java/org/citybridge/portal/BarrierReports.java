package org.citybridge.portal;

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
			.params(blankToNull(form.page()), form.description().strip(), blankToNull(form.email()),
					locale.getLanguage())
			.update();
	}

	@Transactional(readOnly = true)
	long count() {
		return this.jdbc.sql("SELECT count(*) FROM barrier_reports").query(Long.class).single();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
