package org.citybridge.network;

import java.util.List;
import java.util.Map;

import org.citybridge.system.translation.Translations.DemoText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo organisations and memberships: real network names, and memberships that are demonstration
 * values only (shown as such while the portal runs on demo data). Idempotent.
 */
@Service
public class NetworkDemoData {

	record DemoOrganisation(String name, String shortName, OrganisationKind kind, List<Long> memberGeonamesIds) {
	}

	static final List<DemoOrganisation> ORGANISATIONS = List.of(
			new DemoOrganisation("Network of Associations of Local Authorities of South-East Europe", "NALAS",
					OrganisationKind.REGIONAL, List.of(787657L, 3191376L, 785842L, 3193044L, 3183875L, 3191281L, 786714L)),
			new DemoOrganisation("Council of European Municipalities and Regions", "CEMR", OrganisationKind.REGIONAL,
					List.of(2800866L, 2797656L, 2946447L, 3196359L, 3186886L, 2973783L, 3050616L)),
			new DemoOrganisation("Association of Mongolian Local Authorities (demo)", "AMLA",
					OrganisationKind.NATIONAL_ASSOCIATION, List.of(2028462L, 2031964L, 2031405L, 2032054L, 2029945L)));

	/**
	 * Well-known networks of local governments, by name and kind only: their region, themes and who
	 * may join are facts for staff to enter, so they stay empty here. No organisation's staff own
	 * these records.
	 */
	static final List<DemoOrganisation> NETWORKS = List.of(
			new DemoOrganisation("Eurocities", null, OrganisationKind.REGIONAL, List.of()),
			new DemoOrganisation("ICLEI – Local Governments for Sustainability", "ICLEI", OrganisationKind.GLOBAL, List.of()),
			new DemoOrganisation("Energy Cities", null, OrganisationKind.THEMATIC, List.of()),
			new DemoOrganisation("United Cities and Local Governments", "UCLG", OrganisationKind.GLOBAL, List.of()));

	/**
	 * The networks' full names in Mongolian and French (issue 20): the official French names where
	 * the networks have one (CEMR's "Conseil des communes et régions d'Europe", UCLG's "Cités et
	 * gouvernements locaux unis"), each after its English original. Eurocities and Energy Cities
	 * keep their own names, shown as English.
	 */
	static final List<DemoText> NAMES = List.of(
			new DemoText("organisations", "name", "Network of Associations of Local Authorities of South-East Europe",
					"Зүүн өмнөд Европын орон нутгийн засаг захиргааны холбоодын сүлжээ",
					"Réseau des associations de pouvoirs locaux de l’Europe du Sud-Est"),
			new DemoText("organisations", "name", "Council of European Municipalities and Regions",
					"Европын хотын захиргаад ба бүс нутгуудын зөвлөл",
					"Conseil des communes et régions d’Europe"),
			new DemoText("organisations", "name", "Association of Mongolian Local Authorities (demo)",
					"Монголын орон нутгийн засаг захиргааны холбоо (туршилтын)",
					"Association des autorités locales mongoles (démo)"),
			new DemoText("organisations", "name", "ICLEI – Local Governments for Sustainability",
					"ICLEI – Тогтвортой хөгжлийн төлөөх орон нутгийн засаг захиргаад",
					"ICLEI – Gouvernements locaux pour le développement durable"),
			new DemoText("organisations", "name", "United Cities and Local Governments",
					"Нэгдсэн хотууд ба орон нутгийн засаг захиргаад",
					"Cités et gouvernements locaux unis"));

	private static final long DARKHAN = 2031964L;

	private final JdbcClient jdbc;

	NetworkDemoData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Loads what is not there yet; returns organisation ids by short name. */
	@Transactional
	public Map<String, Long> load() {
		for (DemoOrganisation organisation : ORGANISATIONS) {
			long id = this.jdbc.sql("""
					INSERT INTO organisations (name, short_name, kind) VALUES (?, ?, ?)
					ON CONFLICT ((lower(name))) DO UPDATE SET name = EXCLUDED.name RETURNING id
					""").params(organisation.name(), organisation.shortName(), organisation.kind().name())
				.query(Long.class)
				.single();
			// These organisations employ the demo staff and keep their own records.
			this.jdbc.sql("UPDATE organisations SET maintained_by_organisation_id = id WHERE id = ? AND maintained_by_organisation_id IS NULL")
				.param(id)
				.update();
			for (long geonamesId : organisation.memberGeonamesIds()) {
				this.jdbc.sql("""
						INSERT INTO organisation_members (organisation_id, municipality_id)
						SELECT ?, id FROM municipalities WHERE geonames_id = ?
						ON CONFLICT DO NOTHING
						""").params(id, geonamesId).update();
			}
		}
		for (DemoOrganisation network : NETWORKS) {
			int created = this.jdbc.sql("""
					INSERT INTO organisations (name, short_name, kind) VALUES (?, ?, ?)
					ON CONFLICT DO NOTHING
					""").params(network.name(), network.shortName(), network.kind().name()).update();
			if (created > 0 && "UCLG".equals(network.shortName())) {
				// Nobody joins a network without saying yes: Darkhan's officer finds an invitation to
				// answer (made once, when the network's record is first made, so a declined one stays declined).
				this.jdbc.sql("""
						INSERT INTO membership_invitations (organisation_id, municipality_id)
						SELECT o.id, m.id FROM organisations o JOIN municipalities m ON m.geonames_id = ?
						WHERE o.short_name = ? ON CONFLICT DO NOTHING
						""").params(DARKHAN, network.shortName()).update();
			}
		}
		NAMES.forEach(name -> name.giveWhereMissing(this.jdbc, "true"));
		return ids();
	}

	Map<String, Long> ids() {
		Map<String, Long> ids = new java.util.HashMap<>();
		this.jdbc.sql("SELECT short_name, id FROM organisations WHERE short_name IS NOT NULL")
			.query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2)))
			.list();
		return ids;
	}
}
