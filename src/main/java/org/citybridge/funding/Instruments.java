package org.citybridge.funding;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.citybridge.system.translation.Translated;
import org.citybridge.system.translation.Translations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A short lookup of instruments by id, for other features' forms (the funding an agreement used). */
@Service
@Transactional(readOnly = true)
public class Instruments {

	/** An instrument as another feature refers to it, with its name's translations. */
	public record Ref(long id, String shortName, String name, String slug, Translations i18n) {

		/** The name in the reader's language, else the original (marked as such). */
		public Translated shownName(Locale reader) {
			Translated shown = this.i18n.pick("name", reader);
			return shown != null ? shown : new Translated(this.name, "en", true);
		}
	}

	private final JdbcClient jdbc;

	Instruments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every instrument, by short name. */
	public List<Ref> all() {
		return this.jdbc.sql("SELECT id, short_name, name, slug, content_lang, translations FROM funding_instruments ORDER BY lower(short_name), id")
			.query((rs, n) -> new Ref(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					Translations.builder().from(rs.getString(5), rs.getString(6)).put("name", rs.getString(3)).build()))
			.list();
	}

	public Optional<Ref> byId(long id) {
		return this.jdbc.sql("SELECT id, short_name, name, slug, content_lang, translations FROM funding_instruments WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Ref(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					Translations.builder().from(rs.getString(5), rs.getString(6)).put("name", rs.getString(3)).build()))
			.optional();
	}
}
