package org.citybridge.funding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.citybridge.country.CountryGroup;
import org.citybridge.system.translation.Translations.DemoText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Twinning and TAIEX, stating only what the product description says of them (no eligibility,
 * size, link or calls are asserted: the finder says check conditions), and three example
 * instruments, each named and marked as an example, with calls around the day the data is loaded:
 * one open, one closing within days, one closed, one not yet open. Loads each instrument once: an
 * instrument whose slug is there already is left alone.
 */
@Service
public class FundingDemoData {

	record DemoCall(String title, int opensInDays, int closesInDays, LocalTime closesAt, String zone, String budget) {
	}

	record DemoInstrument(String slug, String name, String shortName, String managingBody, String purpose, String funds,
			String typicalSize, String typicalDuration, boolean example, List<String> themes, List<Rule> rules,
			List<DemoCall> calls) {
	}

	/** The condition both CERV strands carry: associated countries count, but are entered only once checked. */
	static final String CERV_ASSOCIATED = "Countries associated to CERV also count as eligible countries; they are not entered here: check the call document's list, and staff enter them as exceptions that may lead and partner.";

	static final List<DemoInstrument> INSTRUMENTS = List.of(
			new DemoInstrument("twinning", "Twinning", "Twinning", null,
					"Institution-to-institution projects between public administrations of EU member states and beneficiary countries.",
					"Institution-to-institution projects between EU member-state administrations and beneficiary countries.",
					null, null, false, List.of(),
					List.of(Rule.condition(
							"Which countries are beneficiary countries, and who may apply, is not entered in the portal: check the programme's official information.")),
					List.of()),
			new DemoInstrument("taiex", "TAIEX", "TAIEX", null, "Short-term technical assistance.",
					"Expert missions, workshops, study visits.", null, null, false, List.of(),
					List.of(Rule.condition(
							"Who may request this assistance is not entered in the portal: check the programme's official information.")),
					List.of()),
			new DemoInstrument("example-city-partnership-fund", "City Partnership Fund (example)", "EX-CPF",
					"Example managing body",
					"Example entry, not a real programme: shows how a fund for joint projects of EU and partner-country municipalities is described.",
					"Joint pilot projects and staff exchanges (example).", "EUR 50,000–200,000 (example)",
					"12–24 months (example)", true, List.of("URBAN_DEVELOPMENT", "SMART_CITY", "ENVIRONMENT"),
					List.of(Rule.group(Rule.Role.LEAD, CountryGroup.EU_MEMBER), Rule.group(Rule.Role.PARTNER, CountryGroup.EU_MEMBER),
							Rule.group(Rule.Role.PARTNER, CountryGroup.CANDIDATE), Rule.group(Rule.Role.PARTNER, CountryGroup.PARTNER),
							Rule.body(BodyKind.MUNICIPALITY), Rule.body(BodyKind.ASSOCIATION), Rule.minPartners(2),
							Rule.minCountries(2)),
					List.of(new DemoCall("Call for pilot projects (example)", -30, 45, LocalTime.of(17, 0), "Europe/Brussels",
							"EUR 2 million in total (example)"),
							new DemoCall("Previous call (example)", -400, -300, LocalTime.of(17, 0), "Europe/Brussels", null))),
			new DemoInstrument("example-technical-exchange", "Technical Exchange Facility (example)", "EX-TEF",
					"Example managing body",
					"Example entry, not a real programme: shows a rule for a single country overriding its group.",
					"Short peer exchanges between municipal departments (example).", "Up to EUR 30,000 (example)",
					"3–6 months (example)", true, List.of("DIGITAL_SERVICES", "GOVERNANCE", "WATER_SANITATION"),
					List.of(Rule.group(Rule.Role.LEAD, CountryGroup.CANDIDATE),
							Rule.group(Rule.Role.LEAD, CountryGroup.POTENTIAL_CANDIDATE), Rule.country(Rule.Role.LEAD, "MN", true),
							Rule.group(Rule.Role.PARTNER, CountryGroup.EU_MEMBER), Rule.body(BodyKind.MUNICIPALITY),
							Rule.body(BodyKind.NATIONAL_ADMINISTRATION)),
					List.of(new DemoCall("Request window (example)", -10, 5, LocalTime.of(23, 59), "Asia/Ulaanbaatar", null))),
			new DemoInstrument("example-civic-grant", "Civic Society Grant (example)", "EX-CSG", "Example managing body",
					"Example entry, not a real programme: shows an instrument that municipalities cannot use.",
					"Civic participation projects (example).", "EUR 10,000–60,000 (example)", "6–18 months (example)", true,
					List.of("GOVERNANCE", "EDUCATION_YOUTH"),
					List.of(Rule.group(Rule.Role.LEAD, CountryGroup.EU_MEMBER), Rule.group(Rule.Role.LEAD, CountryGroup.CANDIDATE),
							Rule.group(Rule.Role.PARTNER, CountryGroup.EU_MEMBER), Rule.group(Rule.Role.PARTNER, CountryGroup.CANDIDATE),
							Rule.group(Rule.Role.PARTNER, CountryGroup.NEIGHBOURHOOD), Rule.body(BodyKind.NGO),
							Rule.condition("Applicants must have been registered for at least two years (example condition).")),
					List.of(new DemoCall("Next call (example)", 20, 80, LocalTime.of(12, 0), "Europe/Paris", null))),
			// Issue 24: the CERV strands with their group rules, as summarised by euro-access.eu (calls 1237 and 2559)
			// and national contact points for the 2025/2026 calls. Countries associated to CERV are not entered:
			// staff add them as exceptions once checked against the call document.
			new DemoInstrument("cerv-town-twinning", "CERV Town Twinning (demonstration)", "CERV-TT", "European Commission",
					"Demonstration data, as published for the 2025/2026 calls — check the call document: town-twinning projects bringing together citizens of municipalities from at least two eligible countries; one deadline a year, in September.",
					"Lump sums for meetings of citizens of twinned towns.",
					"Lump sums of about EUR 8,500–50,700 (as published for the 2025/2026 calls — check the call document)", null, true,
					List.of("CULTURE_HERITAGE", "EDUCATION_YOUTH", "GOVERNANCE"),
					List.of(Rule.group(Rule.Role.LEAD, CountryGroup.EU_MEMBER), Rule.group(Rule.Role.PARTNER, CountryGroup.EU_MEMBER),
							Rule.body(BodyKind.MUNICIPALITY), Rule.body(BodyKind.ASSOCIATION), Rule.minPartners(2),
							Rule.minEligibleCountries(2), Rule.minFromGroup(CountryGroup.EU_MEMBER, 1),
							Rule.minParticipants(50, 25),
							Rule.condition(CERV_ASSOCIATED),
							Rule.condition("Sources: euro-access.eu, CERV calls 1237 and 2559, and the national contact points; every rule as published for the 2025/2026 calls — check the call document.")),
					List.of()),
			new DemoInstrument("cerv-networks-of-towns", "CERV Networks of Towns (demonstration)", "CERV-NT", "European Commission",
					"Demonstration data, as published for the 2025/2026 calls — check the call document: networks of towns working together on a common theme over 12–24 months; one deadline a year, in March–April.",
					"Networks of municipalities cooperating on a common theme.",
					"At least EUR 100,000 a project in 2026 (as published for the 2025/2026 calls — check the call document)",
					"12–24 months (as published for the 2025 call — check the call document)", true,
					List.of("ENERGY_CLIMATE", "GOVERNANCE", "SOCIAL_SERVICES"),
					List.of(Rule.group(Rule.Role.LEAD, CountryGroup.EU_MEMBER), Rule.group(Rule.Role.PARTNER, CountryGroup.EU_MEMBER),
							Rule.body(BodyKind.MUNICIPALITY), Rule.body(BodyKind.ASSOCIATION), Rule.minPartners(4),
							Rule.minEligibleCountries(4), Rule.minFromGroup(CountryGroup.EU_MEMBER, 2),
							Rule.condition(CERV_ASSOCIATED),
							Rule.condition("Sources: euro-access.eu, CERV call 2559 (Networks of Towns 2025), and the national contact points; every rule as published for the 2025/2026 calls — check the call document.")),
					List.of()));

	/**
	 * The Mongolian and French of the demo instruments' names, purposes and what they fund, their
	 * calls' titles and their free-text conditions (issue 20), each by its English original.
	 */
	static final List<DemoText> TRANSLATIONS = List.of(
			new DemoText("funding_instruments", "name", "Twinning",
					"Твиннинг",
					"Jumelage"),
			new DemoText("funding_instruments", "purpose", "Institution-to-institution projects between public administrations of EU member states and beneficiary countries.",
					"ЕХ-ны гишүүн орнууд болон хүлээн авагч орнуудын төрийн захиргааны байгууллага хоорондын төслүүд.",
					"Projets d’institution à institution entre administrations publiques des États membres de l’UE et des pays bénéficiaires."),
			new DemoText("funding_instruments", "funds", "Institution-to-institution projects between EU member-state administrations and beneficiary countries.",
					"ЕХ-ны гишүүн орны захиргаа болон хүлээн авагч орнуудын байгууллага хоорондын төслүүд.",
					"Projets d’institution à institution entre administrations des États membres de l’UE et pays bénéficiaires."),
			new DemoText("funding_instruments", "name", "TAIEX",
					"Техникийн туслалцаа, мэдээлэл солилцооны хэрэгсэл (TAIEX)",
					"Instrument d’assistance technique et d’échange d’informations (TAIEX)"),
			new DemoText("funding_instruments", "purpose", "Short-term technical assistance.",
					"Богино хугацааны техникийн туслалцаа.",
					"Assistance technique à court terme."),
			new DemoText("funding_instruments", "funds", "Expert missions, workshops, study visits.",
					"Шинжээчийн томилолт, сургалт семинар, туршлага судлах айлчлал.",
					"Missions d’experts, ateliers, visites d’étude."),
			new DemoText("funding_instruments", "name", "City Partnership Fund (example)",
					"Хотуудын түншлэлийн сан (жишээ)",
					"Fonds de partenariat entre villes (exemple)"),
			new DemoText("funding_instruments", "purpose", "Example entry, not a real programme: shows how a fund for joint projects of EU and partner-country municipalities is described.",
					"Жишээ бичлэг, жинхэнэ хөтөлбөр биш: ЕХ болон түнш орнуудын хотуудын хамтарсан төслийн санг хэрхэн тайлбарлахыг харуулна.",
					"Exemple, pas un vrai programme : montre comment décrire un fonds pour des projets communs de communes de l’UE et de pays partenaires."),
			new DemoText("funding_instruments", "funds", "Joint pilot projects and staff exchanges (example).",
					"Хамтарсан туршилтын төсөл, ажилтан солилцоо (жишээ).",
					"Projets pilotes communs et échanges de personnel (exemple)."),
			new DemoText("funding_instruments", "name", "Technical Exchange Facility (example)",
					"Техникийн солилцооны хэрэгсэл (жишээ)",
					"Facilité d’échanges techniques (exemple)"),
			new DemoText("funding_instruments", "purpose", "Example entry, not a real programme: shows a rule for a single country overriding its group.",
					"Жишээ бичлэг, жинхэнэ хөтөлбөр биш: нэг улсад зориулсан дүрэм тухайн бүлгийн дүрмээс давуу үйлчлэхийг харуулна.",
					"Exemple, pas un vrai programme : montre une règle propre à un pays qui l’emporte sur celle de son groupe."),
			new DemoText("funding_instruments", "funds", "Short peer exchanges between municipal departments (example).",
					"Хотын захиргааны хэлтсүүдийн хоорондох богино хугацааны туршлага солилцоо (жишээ).",
					"Courts échanges entre pairs de services municipaux (exemple)."),
			new DemoText("funding_instruments", "name", "Civic Society Grant (example)",
					"Иргэний нийгмийн буцалтгүй тусламж (жишээ)",
					"Subvention pour la société civile (exemple)"),
			new DemoText("funding_instruments", "purpose", "Example entry, not a real programme: shows an instrument that municipalities cannot use.",
					"Жишээ бичлэг, жинхэнэ хөтөлбөр биш: хотууд ашиглах боломжгүй хэрэгслийг харуулна.",
					"Exemple, pas un vrai programme : montre un instrument que les communes ne peuvent pas utiliser."),
			new DemoText("funding_instruments", "funds", "Civic participation projects (example).",
					"Иргэдийн оролцооны төслүүд (жишээ).",
					"Projets de participation citoyenne (exemple)."),
			new DemoText("funding_calls", "title", "Call for pilot projects (example)",
					"Туршилтын төслийн сонгон шалгаруулалт (жишээ)",
					"Appel à projets pilotes (exemple)"),
			new DemoText("funding_calls", "title", "Previous call (example)",
					"Өмнөх сонгон шалгаруулалт (жишээ)",
					"Appel précédent (exemple)"),
			new DemoText("funding_calls", "title", "Request window (example)",
					"Хүсэлт хүлээн авах хугацаа (жишээ)",
					"Période de demande (exemple)"),
			new DemoText("funding_calls", "title", "Next call (example)",
					"Дараагийн сонгон шалгаруулалт (жишээ)",
					"Prochain appel (exemple)"),
			new DemoText("funding_rules", "condition", "Which countries are beneficiary countries, and who may apply, is not entered in the portal: check the programme's official information.",
					"Аль улс хүлээн авагч орон болох, хэн өргөдөл гаргаж болохыг порталд оруулаагүй: хөтөлбөрийн албан ёсны мэдээллээс шалгана уу.",
					"Les pays bénéficiaires et les candidats admissibles ne sont pas saisis dans le portail : consultez les informations officielles du programme."),
			new DemoText("funding_rules", "condition", "Who may request this assistance is not entered in the portal: check the programme's official information.",
					"Энэ туслалцааг хэн хүсч болохыг порталд оруулаагүй: хөтөлбөрийн албан ёсны мэдээллээс шалгана уу.",
					"Les personnes pouvant demander cette assistance ne sont pas saisies dans le portail : consultez les informations officielles du programme."),
			new DemoText("funding_rules", "condition", "Applicants must have been registered for at least two years (example condition).",
					"Өргөдөл гаргагч дор хаяж хоёр жил бүртгэлтэй байх ёстой (жишээ нөхцөл).",
					"Les candidats doivent être enregistrés depuis au moins deux ans (condition d’exemple)."));

	/** The Mongolian and French of the CERV demonstration instruments (issue 24). */
	static final List<DemoText> CERV_TRANSLATIONS = List.of(
			new DemoText("funding_instruments", "name", "CERV Town Twinning (demonstration)",
					"CERV – Ах дүү хотуудын хөтөлбөр (үзүүлэнгийн)",
					"CERV – Jumelage de villes (démonstration)"),
			new DemoText("funding_instruments", "purpose", "Demonstration data, as published for the 2025/2026 calls — check the call document: town-twinning projects bringing together citizens of municipalities from at least two eligible countries; one deadline a year, in September.",
					"Үзүүлэнгийн мэдээлэл, 2025/2026 оны сонгон шалгаруулалтад нийтэлсэн байдлаар — сонгон шалгаруулалтын баримт бичгийг шалгана уу: дор хаяж хоёр эрх бүхий улсын хотуудын иргэдийг уулзуулах ах дүү хотуудын төслүүд; жилд нэг удаа, есдүгээр сард хугацаа дуусна.",
					"Données de démonstration, telles que publiées pour les appels 2025/2026 — consultez le document de l’appel : projets de jumelage réunissant les citoyens de communes d’au moins deux pays admissibles ; une date limite par an, en septembre."),
			new DemoText("funding_instruments", "funds", "Lump sums for meetings of citizens of twinned towns.",
					"Ах дүү хотуудын иргэдийн уулзалтад зориулсан тогтмол дүнтэй санхүүжилт.",
					"Montants forfaitaires pour des rencontres de citoyens de villes jumelées."),
			new DemoText("funding_calls", "title", "Networks of Towns 2025 (demonstration)",
					"Хотуудын сүлжээ 2025 (үзүүлэнгийн)",
					"Réseaux de villes 2025 (démonstration)"),
			new DemoText("funding_instruments", "name", "CERV Networks of Towns (demonstration)",
					"CERV – Хотуудын сүлжээ (үзүүлэнгийн)",
					"CERV – Réseaux de villes (démonstration)"),
			new DemoText("funding_instruments", "purpose", "Demonstration data, as published for the 2025/2026 calls — check the call document: networks of towns working together on a common theme over 12–24 months; one deadline a year, in March–April.",
					"Үзүүлэнгийн мэдээлэл, 2025/2026 оны сонгон шалгаруулалтад нийтэлсэн байдлаар — сонгон шалгаруулалтын баримт бичгийг шалгана уу: нийтлэг сэдвээр 12–24 сар хамтран ажиллах хотуудын сүлжээ; жилд нэг удаа, гуравдугаар сараас дөрөвдүгээр сард хугацаа дуусна.",
					"Données de démonstration, telles que publiées pour les appels 2025/2026 — consultez le document de l’appel : réseaux de villes travaillant ensemble sur un thème commun pendant 12 à 24 mois ; une date limite par an, en mars-avril."),
			new DemoText("funding_instruments", "funds", "Networks of municipalities cooperating on a common theme.",
					"Нийтлэг сэдвээр хамтран ажилладаг хотуудын сүлжээ.",
					"Réseaux de communes coopérant sur un thème commun."),
			new DemoText("funding_rules", "condition", CERV_ASSOCIATED,
					"CERV-д нэгдсэн улсууд мөн эрх бүхий улсад тооцогдоно; тэдгээрийг энд оруулаагүй: сонгон шалгаруулалтын баримт бичгийн жагсаалтыг шалгаад ажилтнууд удирдах, түнш байж болох үл хамаарах улсаар оруулна.",
					"Les pays associés à CERV comptent aussi comme pays admissibles ; ils ne sont pas saisis ici : consultez la liste du document de l’appel, puis le personnel les saisit comme exceptions autorisées à diriger et à être partenaires."),
			new DemoText("funding_rules", "condition", "Sources: euro-access.eu, CERV calls 1237 and 2559, and the national contact points; every rule as published for the 2025/2026 calls — check the call document.",
					"Эх сурвалж: «Евро Аксесс» цахим хуудас, CERV-ийн 1237 ба 2559 дугаар сонгон шалгаруулалт, үндэсний холбоо барих цэгүүд; дүрэм бүр 2025/2026 оны сонгон шалгаруулалтад нийтэлсэн байдлаар — сонгон шалгаруулалтын баримт бичгийг шалгана уу.",
					"Sources : euro-access.eu, appels CERV 1237 et 2559, et les points de contact nationaux ; chaque règle telle que publiée pour les appels 2025/2026 — consultez le document de l’appel."),
			new DemoText("funding_rules", "condition", "Sources: euro-access.eu, CERV call 2559 (Networks of Towns 2025), and the national contact points; every rule as published for the 2025/2026 calls — check the call document.",
					"Эх сурвалж: «Евро Аксесс» цахим хуудас, CERV-ийн 2559 дугаар сонгон шалгаруулалт (Хотуудын сүлжээ 2025), үндэсний холбоо барих цэгүүд; дүрэм бүр 2025/2026 оны сонгон шалгаруулалтад нийтэлсэн байдлаар — сонгон шалгаруулалтын баримт бичгийг шалгана уу.",
					"Sources : euro-access.eu, appel CERV 2559 (Réseaux de villes 2025), et les points de contact nationaux ; chaque règle telle que publiée pour les appels 2025/2026 — consultez le document de l’appel."));

	/**
	 * The Networks of Towns 2025 call with its own group rules (issue 24: the rules change from call to
	 * call), as euro-access.eu summarises it (call 1711) and the national contact points repeat it.
	 */
	static final String CERV_NT_2025 = "Networks of Towns 2025 (demonstration)";

	static final String CERV_NT_2025_URL = "https://www.euro-access.eu/en/calls/1711/Networks-of-Towns";

	static final List<Rule> CERV_NT_2025_RULES = List.of(Rule.minPartners(4), Rule.minEligibleCountries(4),
			Rule.minFromGroup(CountryGroup.EU_MEMBER, 2));

	/**
	 * The published lump sums of CERV Town Twinning (issue 24): only what the source gives, the range of
	 * a project's lump sum for projects of at least 50 participants (the exact sum comes from the call's
	 * calculator); no table by number of participants was found to cite.
	 */
	static final String CERV_TT_LUMP_SUMS_URL = "https://www.euro-access.eu/en/calls/1237/Town-Twinning";

	static final String CERV_TT_LUMP_SUMS_NOTE = "Demonstration data: the lump sum of a project as published, from EUR 8,455 to EUR 50,745; the exact sum follows from the call's calculator (participants, days of events, travel). As published for the 2025/2026 calls — check the call document.";

	private final JdbcClient jdbc;

	private final Clock clock;

	FundingDemoData(JdbcClient jdbc, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Transactional
	public void load() {
		for (DemoInstrument demo : INSTRUMENTS) {
			boolean present = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM funding_instruments WHERE slug = ?)")
				.param(demo.slug()).query(Boolean.class).single();
			if (present) {
				continue;
			}
			long id = this.jdbc.sql("""
					INSERT INTO funding_instruments (slug, name, short_name, managing_body, purpose, funds, typical_size,
					       typical_duration, example)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
					""").params(demo.slug(), demo.name(), demo.shortName(), demo.managingBody(), demo.purpose(), demo.funds(),
					demo.typicalSize(), demo.typicalDuration(), demo.example())
				.query(Long.class).single();
			FundingCatalogue.writeThemesAndRules(this.jdbc, id, demo.themes(), demo.rules());
			for (DemoCall call : demo.calls()) {
				ZoneId zone = ZoneId.of(call.zone());
				LocalDate today = LocalDate.now(this.clock.withZone(zone));
				var opens = today.plusDays(call.opensInDays()).atTime(9, 0).atZone(zone).toInstant();
				var closes = today.plusDays(call.closesInDays()).atTime(call.closesAt()).atZone(zone).toInstant();
				this.jdbc.sql("""
						INSERT INTO funding_calls (instrument_id, title, opens_at, closes_at, time_zone, budget)
						VALUES (?, ?, ?, ?, ?, ?)
						""").params(id, call.title(), Timestamp.from(opens), Timestamp.from(closes), call.zone(), call.budget())
					.update();
			}
		}
		loadCervCallAndLumpSums();
		translate();
	}

	/**
	 * The CERV Networks of Towns 2025 call with its group rules, and Town Twinning's published lump
	 * sums: each added once, also to a database whose CERV instruments were loaded before them.
	 */
	private void loadCervCallAndLumpSums() {
		this.jdbc.sql("SELECT id FROM funding_instruments WHERE slug = 'cerv-networks-of-towns'").query(Long.class).optional()
			.ifPresent(instrument -> {
				boolean present = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM funding_calls WHERE instrument_id = ? AND title = ?)")
					.params(instrument, CERV_NT_2025).query(Boolean.class).single();
				if (!present) {
					ZoneId brussels = ZoneId.of("Europe/Brussels");
					long call = this.jdbc.sql("""
							INSERT INTO funding_calls (instrument_id, title, opens_at, closes_at, time_zone, budget, url)
							VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
							""").params(instrument, CERV_NT_2025,
							Timestamp.from(LocalDate.of(2024, 12, 17).atStartOfDay(brussels).toInstant()),
							Timestamp.from(LocalDate.of(2025, 3, 27).atTime(17, 0).atZone(brussels).toInstant()),
							brussels.getId(), null, CERV_NT_2025_URL)
						.query(Long.class).single();
					FundingCatalogue.writeCallRules(this.jdbc, call, CERV_NT_2025_RULES);
				}
			});
		this.jdbc.sql("SELECT id FROM funding_instruments WHERE slug = 'cerv-town-twinning'").query(Long.class).optional()
			.ifPresent(instrument -> {
				boolean present = this.jdbc.sql(
						"SELECT EXISTS (SELECT 1 FROM funding_lump_sum_tables WHERE instrument_id = ? AND call_id IS NULL)")
					.param(instrument).query(Boolean.class).single();
				if (!present) {
					long table = this.jdbc.sql("""
							INSERT INTO funding_lump_sum_tables (instrument_id, source_url, note, content_lang, example)
							VALUES (?, ?, ?, 'en', true) RETURNING id
							""").params(instrument, CERV_TT_LUMP_SUMS_URL, CERV_TT_LUMP_SUMS_NOTE).query(Long.class).single();
					// 50 participants or more (the strand's minimum): from EUR 8,455 to EUR 50,745.
					this.jdbc.sql("""
							INSERT INTO funding_lump_sums (table_id, participants, amount_eur, amount_max_eur)
							VALUES (?, int4range(50, NULL, '[)'), 8455, 50745)
							""").param(table).update();
				}
			});
	}

	/** Gives the demo instruments' texts their translations where none were given yet (databases loaded before too). */
	private void translate() {
		String demo = "SELECT id FROM funding_instruments WHERE slug IN ("
				+ INSTRUMENTS.stream().map(i -> "'" + i.slug() + "'").collect(java.util.stream.Collectors.joining(", ")) + ")";
		for (DemoText t : java.util.stream.Stream.concat(TRANSLATIONS.stream(), CERV_TRANSLATIONS.stream()).toList()) {
			String scope = t.table().equals("funding_instruments") ? "id IN (" + demo + ")" : "instrument_id IN (" + demo + ")";
			t.giveWhereMissing(this.jdbc, scope);
		}
	}
}
