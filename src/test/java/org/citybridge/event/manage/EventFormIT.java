package org.citybridge.event.manage;

import java.util.List;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.citybridge.event.EventDemoData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The host's staff edit an event: validation, refusals from PostgreSQL, optimistic locking, audit, who may. */
class EventFormIT extends DemoDataIntegrationTest {

	static final String EDIT = "/events/" + EventDemoData.SLUG + "/edit";

	@BeforeEach
	void setUp() {
		this.context.getBean(EventDemoData.class).load();
	}

	long version() {
		return this.jdbc.sql("SELECT version FROM events WHERE slug = ?").param(EventDemoData.SLUG).query(Long.class).single();
	}

	MockMvcRequestBuilder post(String email, String startsOn, String endsOn, String zone, String capacity, long version) {
		return this.mvc.post().uri(EDIT).with(csrf()).with(as(email))
			.param("title", "Networking and Best Practice Forum on city-to-city partnerships").param("kind", "FORUM")
			.param("startsOn", startsOn).param("endsOn", endsOn).param("timeZone", zone)
			.param("venueName", "House of Municipalities").param("venueAddress", "Brussels")
			// The demo event's own description: other tests read the forum as the demo data has it.
			.param("description", this.jdbc.sql("SELECT description FROM events WHERE slug = ?").param(EventDemoData.SLUG)
				.query(String.class).single())
			.param("registrationOpen", "true").param("capacity", capacity).param("version", String.valueOf(version));
	}

	@Test
	void onlyTheHostsStaffAndAdministratorsEditTheEvent() {
		assertThat(this.mvc.get().uri(EDIT)).hasStatus3xxRedirection().redirectedUrl().contains("/login");
		assertThat(this.mvc.get().uri(EDIT).with(as(AccountTestSupport.STAFF_NALAS))).hasStatus(403);
		assertThat(this.mvc.get().uri(EDIT).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus(403);
		assertThat(this.mvc.get().uri(EDIT).with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk().bodyText()
			.contains("Edit event", "Europe/Brussels");
		assertThat(this.mvc.get().uri(EDIT).with(as(AccountTestSupport.ADMIN))).hasStatusOk();
		assertThat(post(AccountTestSupport.STAFF_NALAS, "2025-02-17", "2025-02-20", "Europe/Brussels", "100", version()))
			.hasStatus(403);
		assertThat(this.mvc.post().uri(EDIT).with(csrf())).hasStatus3xxRedirection().redirectedUrl().contains("/login");
	}

	@Test
	void opensRegistrationWithACapacityAndRecordsItInTheAuditLog() {
		assertThat(post(AccountTestSupport.STAFF_CEMR, "2025-02-17", "2025-02-20", "Europe/Brussels", "120", version()))
			.hasStatus3xxRedirection().redirectedUrl().isEqualTo("/events/" + EventDemoData.SLUG);
		assertThat(this.mvc.get().uri("/events/" + EventDemoData.SLUG)).bodyText().contains("120 seats: 0 taken");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE entity_type = 'event' AND changes::text LIKE '%capacity%'")
			.query(Long.class).single()).isPositive();
		this.jdbc.sql("UPDATE events SET registration_open = false, capacity = NULL WHERE slug = ?").param(EventDemoData.SLUG).update();
	}

	@Test
	void aCapacityBelowTheConfirmedSeatsComesBackWithHowManyThereAre() {
		long event = this.jdbc.sql("UPDATE events SET registration_open = true, capacity = 5 WHERE slug = ? RETURNING id")
			.param(EventDemoData.SLUG).query(Long.class).single();
		List<Long> accounts = this.jdbc.sql("SELECT id FROM accounts ORDER BY id LIMIT 2").query(Long.class).list();
		for (long account : accounts) {
			this.jdbc.sql("INSERT INTO registrations (event_id, account_id, status) VALUES (?, ?, 'WAITING')")
				.params(event, account).update();
		}
		try {
			assertThat(post(AccountTestSupport.STAFF_CEMR, "2025-02-17", "2025-02-20", "Europe/Brussels", "1", version()))
				.hasStatusOk().bodyText().contains("Error: Edit event", "Seats already confirmed: 2.",
						"value=\"1\"");
			assertThat(this.jdbc.sql("SELECT capacity FROM events WHERE id = ?").param(event).query(Integer.class).single())
				.isEqualTo(5);
		}
		finally {
			this.jdbc.sql("DELETE FROM registrations WHERE event_id = ?").param(event).update();
			this.jdbc.sql("UPDATE events SET registration_open = false, capacity = NULL WHERE id = ?").param(event).update();
		}
	}

	@Test
	void refusesBadValuesKeepingWhatWasTyped() {
		assertThat(post(AccountTestSupport.STAFF_CEMR, "2025-02-17", "2025-02-20", "Mars/Olympus_Mons", "0", version()))
			.hasStatusOk().bodyText().contains("Error: Edit event", "Enter a time zone name such as", "Mars/Olympus_Mons",
					"Enter a number of seats from 1 to 100000");
		assertThat(post(AccountTestSupport.STAFF_CEMR, "2025-02-17", "2025-02-20", "Mars/Olympus_Mons", "12", version()))
			.hasStatusOk().bodyText().contains("Enter a time zone name such as");
		assertThat(post(AccountTestSupport.STAFF_CEMR, "not-a-date", "2025-02-20", "Europe/Brussels", "abc", version()))
			.hasStatusOk().bodyText().contains("Error: Edit event");
	}

	@Test
	void theDatabaseRefusesDatesThatStrandSessionsOrEndBeforeTheyStart() {
		long before = version();
		assertThat(post(AccountTestSupport.STAFF_CEMR, "2025-02-18", "2025-02-20", "Europe/Brussels", "", before))
			.hasStatusOk().bodyText().contains("would leave sessions of the programme outside the event");
		assertThat(post(AccountTestSupport.STAFF_CEMR, "2025-02-20", "2025-02-17", "Europe/Brussels", "", before))
			.hasStatusOk().bodyText().contains("The last day cannot be before the first day.");
		assertThat(version()).isEqualTo(before);
	}

	@Test
	void aStaleFormIsRefusedWithAMessage() {
		long current = version();
		assertThat(post(AccountTestSupport.STAFF_CEMR, "2025-02-17", "2025-02-20", "Europe/Brussels", "", current + 7))
			.hasStatusOk().bodyText().contains("Someone else changed this event");
		assertThat(version()).isEqualTo(current);
	}
}
