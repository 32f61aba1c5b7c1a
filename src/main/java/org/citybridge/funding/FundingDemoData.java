package org.citybridge.funding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.citybridge.country.CountryGroup;

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
					List.of(new DemoCall("Next call (example)", 20, 80, LocalTime.of(12, 0), "Europe/Paris", null))));

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
	}
}
