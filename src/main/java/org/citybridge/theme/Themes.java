package org.citybridge.theme;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The theme vocabulary in its display order; a theme's name is the message {@code theme.<code>}. */
@Service
@Transactional(readOnly = true)
public class Themes {

	private final JdbcClient jdbc;

	Themes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<String> codes() {
		return this.jdbc.sql("SELECT code FROM themes ORDER BY position").query(String.class).list();
	}

	public static String messageKey(String code) {
		return "theme." + code;
	}
}
