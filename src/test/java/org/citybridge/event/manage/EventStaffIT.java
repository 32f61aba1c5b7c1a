package org.citybridge.event.manage;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.citybridge.event.EventDemoData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Staff create events and keep their rooms, tracks and speakers (with photos): validation, refusals
 * from PostgreSQL, optimistic locking, audit, and who may.
 */
class EventStaffIT extends DemoDataIntegrationTest {

	/** A fresh event hosted by CEMR, created through the form, for each test. */
	String slug;

	long event;

	String unique;

	@BeforeEach
	void setUp() {
		this.context.getBean(EventDemoData.class).load();
		this.unique = UUID.randomUUID().toString().substring(0, 8);
		MvcTestResult created = newEvent(AccountTestSupport.STAFF_CEMR, "Smart city summit " + this.unique, cemr(),
				"2027-06-14", "2027-06-16", "Asia/Ulaanbaatar", "47.9184", "106.9177").exchange();
		assertThat(created).hasStatus3xxRedirection();
		this.slug = created.getResponse().getRedirectedUrl().substring("/events/".length());
		this.event = this.jdbc.sql("SELECT id FROM events WHERE slug = ?").param(this.slug).query(Long.class).single();
	}

	@org.junit.jupiter.api.AfterEach
	void tearDown() {
		this.jdbc.sql("DELETE FROM events WHERE slug LIKE ?").param("%" + this.unique + "%").update();
		this.jdbc.sql("DELETE FROM speakers WHERE name LIKE ? AND id NOT IN (SELECT speaker_id FROM session_speakers)")
			.param("%" + this.unique + "%").update();
	}

	long cemr() {
		return this.jdbc.sql("SELECT id FROM organisations WHERE short_name = 'CEMR'").query(Long.class).single();
	}

	MockMvcRequestBuilder newEvent(String email, String title, long host, String startsOn, String endsOn, String zone,
			String latitude, String longitude) {
		return this.mvc.post().uri("/events/new").with(csrf()).with(as(email))
			.param("title", title).param("kind", "SUMMIT").param("hostOrganisationId", String.valueOf(host))
			.param("startsOn", startsOn).param("endsOn", endsOn).param("timeZone", zone)
			.param("venueName", "Chinggis Khaan Square").param("venueAddress", "Ulaanbaatar")
			.param("latitude", latitude).param("longitude", longitude).param("description", "Summit")
			.param("registrationOpen", "true").param("capacity", "300").param("version", "0");
	}

	String manage(String part) {
		return "/events/" + this.slug + "/manage/" + part;
	}

	long version(String table, long id) {
		return this.jdbc.sql("SELECT version FROM " + table + " WHERE id = ?").param(id).query(Long.class).single();
	}

	long audits(String type, long id) {
		return this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE entity_type = ? AND entity_id = ?")
			.params(type, String.valueOf(id)).query(Long.class).single();
	}

	// New event

	@Test
	void staffCreateAnEventWithTheFourFocusAreasAsTracksAndItsVenue() {
		assertThat(this.slug).isEqualTo("smart-city-summit-" + this.unique + "-2027");
		assertThat(this.jdbc.sql("SELECT name FROM tracks WHERE event_id = ? ORDER BY position").param(this.event)
			.query(String.class).list()).containsExactlyElementsOf(EventDemoData.FOCUS_AREAS);
		assertThat(this.mvc.get().uri("/events/" + this.slug).with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk().bodyText()
			.contains("Smart city summit " + this.unique, "Asia/Ulaanbaatar", "300 seats: 0 taken", "47.9184, 106.9177 on OpenStreetMap",
					"Build the event", "Rooms", "Tracks", "Speakers and moderators");
		assertThat(audits("event", this.event)).isEqualTo(1);
		assertThat(this.mvc.get().uri("/events").with(as(AccountTestSupport.STAFF_CEMR))).bodyText().contains("New event");
		assertThat(this.mvc.get().uri("/events")).bodyText().doesNotContain("New event");
	}

	@Test
	void onlyStaffAndAdministratorsCreateEventsAndStaffOnlyForTheirOwnOrganisation() {
		assertThat(this.mvc.get().uri("/events/new")).hasStatus3xxRedirection().redirectedUrl().contains("/login");
		assertThat(this.mvc.get().uri("/events/new").with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus(403);
		assertThat(this.mvc.get().uri("/events/new").with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk().bodyText()
			.contains("New event", "Council of European Municipalities and Regions").doesNotContain("NALAS");
		assertThat(this.mvc.get().uri("/events/new").with(as(AccountTestSupport.ADMIN))).hasStatusOk().bodyText()
			.contains("Choose the host organisation", "NALAS");
		long before = this.jdbc.sql("SELECT count(*) FROM events").query(Long.class).single();
		assertThat(newEvent(AccountTestSupport.STAFF_NALAS, "Hijack " + this.unique, cemr(), "2027-06-14", "2027-06-16",
				"Europe/Brussels", "", "")).hasStatus(403);
		assertThat(newEvent(AccountTestSupport.OFFICER_DARKHAN, "Officer " + this.unique, cemr(), "2027-06-14", "2027-06-16",
				"Europe/Brussels", "", "")).hasStatus(403);
		assertThat(this.mvc.post().uri("/events/new").with(csrf()).param("title", "x")).hasStatus3xxRedirection()
			.redirectedUrl().contains("/login");
		assertThat(this.jdbc.sql("SELECT count(*) FROM events").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void refusesBadValuesNextToTheFieldsKeepingWhatWasTyped() {
		assertThat(newEvent(AccountTestSupport.STAFF_CEMR, " ", cemr(), "2027-06-16", "2027-06-14", "Mars/Olympus_Mons",
				"47.9184", "")).hasStatusOk().bodyText()
			.contains("Error: New event", "Enter a title.", "The last day cannot be before the first day.",
					"Enter a time zone name such as", "Mars/Olympus_Mons", "Enter both the latitude and the longitude", "47.9184");
		assertThat(newEvent(AccountTestSupport.STAFF_CEMR, "Forum " + this.unique, cemr(), "2027-06-14", "2027-06-16",
				"Europe/Brussels", "91", "200")).hasStatusOk().bodyText()
			.contains("Enter a latitude between -90 and 90", "Enter a longitude between -180 and 180", "Forum " + this.unique);
		assertThat(this.jdbc.sql("SELECT count(*) FROM events WHERE title = ?").param("Forum " + this.unique)
			.query(Long.class).single()).isZero();
	}

	@Test
	void anAddressThatIsTakenIsRefusedOnTheTitle() {
		assertThat(newEvent(AccountTestSupport.STAFF_CEMR, "Smart City Summit " + this.unique, cemr(), "2027-01-10",
				"2027-01-10", "Europe/Brussels", "", "")).hasStatusOk().bodyText()
			.contains("Another event already has the address /events/" + this.slug);
		assertThat(EventEditor.slug("Улаанбаатар хотын форум", java.time.LocalDate.of(2026, 5, 1)))
			.isEqualTo("ulaanbaatar-khotyn-forum-2026");
		assertThat(EventEditor.slug("Forum 2025: Bruxelles–Oulan-Bator", java.time.LocalDate.of(2025, 5, 1)))
			.isEqualTo("forum-2025-bruxelles-oulan-bator-2025");
		assertThat(EventEditor.slug("Forum Brussels 2025", java.time.LocalDate.of(2025, 5, 1))).isEqualTo("forum-brussels-2025");
	}

	// Rooms

	@Test
	void roomsAreAddedEditedUnderOptimisticLockingAndDeletedOnlyWhenNoSessionUsesThem() {
		assertThat(this.mvc.get().uri(manage("rooms")).with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk().bodyText()
			.contains("No rooms yet.", "Add room");
		assertThat(this.mvc.post().uri(manage("rooms")).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "Main hall").param("capacity", "400").param("version", "0")).hasStatus3xxRedirection();
		long room = this.jdbc.sql("SELECT id FROM rooms WHERE event_id = ? AND name = 'Main hall'").param(this.event)
			.query(Long.class).single();
		assertThat(this.mvc.post().uri(manage("rooms")).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "Main hall").param("capacity", "0").param("version", "0")).hasStatusOk().bodyText()
			.contains("Error: Rooms of", "Enter a number of seats from 1 to 100000");
		assertThat(this.mvc.post().uri(manage("rooms")).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", " Main hall ").param("capacity", "12").param("version", "0")).hasStatusOk().bodyText()
			.contains("This event already has a room called <bdi lang=\"\">Main hall</bdi>.");
		assertThat(this.mvc.post().uri(manage("rooms")).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "").param("version", "0")).hasStatusOk().bodyText().contains("Enter the name of the room.");
		long v = version("rooms", room);
		assertThat(this.mvc.post().uri(manage("rooms/" + room)).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "Great hall").param("capacity", "350").param("version", String.valueOf(v)))
			.hasStatus3xxRedirection();
		assertThat(this.mvc.post().uri(manage("rooms/" + room)).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "Small hall").param("capacity", "20").param("version", String.valueOf(v))).hasStatusOk().bodyText()
			.contains("Someone else changed this while you were editing it", "Small hall");
		assertThat(this.jdbc.sql("SELECT name FROM rooms WHERE id = ?").param(room).query(String.class).single())
			.isEqualTo("Great hall");
		this.jdbc.sql("""
				INSERT INTO sessions (event_id, title, starts_at, ends_at, room_id, kind)
				VALUES (?, 'Opening plenary', TIMESTAMPTZ '2027-06-14 09:00+08', TIMESTAMPTZ '2027-06-14 10:00+08', ?, 'PLENARY')
				""").params(this.event, room).update();
		assertThat(this.mvc.post().uri(manage("rooms/" + room + "/delete")).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("version", String.valueOf(version("rooms", room)))).hasStatusOk().bodyText()
			.contains("The room cannot be deleted: the session \u201c<bdi lang=\"\">Opening plenary</bdi>\u201d takes place in it.");
		this.jdbc.sql("DELETE FROM sessions WHERE event_id = ?").param(this.event).update();
		assertThat(this.mvc.post().uri(manage("rooms/" + room + "/delete")).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("version", String.valueOf(version("rooms", room)))).hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("SELECT count(*) FROM rooms WHERE id = ?").param(room).query(Long.class).single()).isZero();
		assertThat(audits("room", room)).isEqualTo(3);
	}

	@Test
	void officersOtherStaffAndVisitorsDoNotTouchRoomsTracksOrSpeakers() {
		long room = this.jdbc.sql("INSERT INTO rooms (event_id, name) VALUES (?, 'Hall') RETURNING id").param(this.event)
			.query(Long.class).single();
		for (String path : new String[] { manage("rooms"), manage("tracks"), manage("speakers"), manage("rooms/" + room) }) {
			assertThat(this.mvc.get().uri(path)).hasStatus3xxRedirection().redirectedUrl().contains("/login");
			assertThat(this.mvc.get().uri(path).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus(403);
			assertThat(this.mvc.get().uri(path).with(as(AccountTestSupport.STAFF_NALAS))).hasStatus(403);
			assertThat(this.mvc.get().uri(path).with(as(AccountTestSupport.ADMIN))).hasStatusOk();
		}
		assertThat(this.mvc.post().uri(manage("rooms")).with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("name", "Officer room").param("version", "0")).hasStatus(403);
		assertThat(this.mvc.post().uri(manage("rooms/" + room + "/delete")).with(csrf()).with(as(AccountTestSupport.STAFF_NALAS))
			.param("version", "0")).hasStatus(403);
		assertThat(this.mvc.post().uri(manage("tracks")).with(csrf()).param("name", "Anonymous").param("version", "0")).hasStatus3xxRedirection()
			.redirectedUrl().contains("/login");
		assertThat(this.mvc.post().uri(manage("speakers")).with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("name", "Officer speaker").param("version", "0")).hasStatus(403);
		assertThat(this.jdbc.sql("SELECT count(*) FROM rooms WHERE event_id = ?").param(this.event).query(Long.class).single())
			.isEqualTo(1);
	}

	// Tracks

	@Test
	void tracksAreRenamedAddedAndDeletedOnlyWhenNoSessionBelongsToThem() {
		long first = this.jdbc.sql("SELECT id FROM tracks WHERE event_id = ? AND position = 1").param(this.event)
			.query(Long.class).single();
		assertThat(this.mvc.get().uri(manage("tracks")).with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk().bodyText()
			.contains(EventDemoData.FOCUS_AREAS.get(0), EventDemoData.FOCUS_AREAS.get(3));
		assertThat(this.mvc.get().uri(manage("tracks/" + first)).with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk()
			.bodyText().contains("Edit track " + EventDemoData.FOCUS_AREAS.get(0));
		long v = version("tracks", first);
		assertThat(this.mvc.post().uri(manage("tracks/" + first)).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "City partnerships").param("version", String.valueOf(v))).hasStatus3xxRedirection();
		assertThat(this.mvc.post().uri(manage("tracks/" + first)).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "Stale name").param("version", String.valueOf(v))).hasStatusOk().bodyText()
			.contains("Someone else changed this");
		assertThat(this.mvc.post().uri(manage("tracks")).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", EventDemoData.FOCUS_AREAS.get(1)).param("version", "0")).hasStatusOk().bodyText()
			.contains("This event already has a track called <bdi lang=\"\">" + EventDemoData.FOCUS_AREAS.get(1) + "</bdi>");
		assertThat(this.mvc.post().uri(manage("tracks")).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "Smart cities").param("version", "0")).hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("SELECT position FROM tracks WHERE event_id = ? AND name = 'Smart cities'").param(this.event)
			.query(Integer.class).single()).isEqualTo(5);
		this.jdbc.sql("""
				INSERT INTO sessions (event_id, title, starts_at, ends_at, track_id, kind)
				VALUES (?, 'Partnership panel', TIMESTAMPTZ '2027-06-15 09:00+08', TIMESTAMPTZ '2027-06-15 10:00+08', ?, 'PANEL')
				""").params(this.event, first).update();
		assertThat(this.mvc.post().uri(manage("tracks/" + first + "/delete")).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("version", String.valueOf(version("tracks", first)))).hasStatusOk().bodyText()
			.contains("the session \u201c<bdi lang=\"\">Partnership panel</bdi>\u201d belongs to it");
		long last = this.jdbc.sql("SELECT id FROM tracks WHERE event_id = ? AND name = 'Smart cities'").param(this.event)
			.query(Long.class).single();
		assertThat(this.mvc.post().uri(manage("tracks/" + last + "/delete")).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("version", "99")).hasStatusOk().bodyText().contains("Someone else changed this");
		assertThat(this.mvc.post().uri(manage("tracks/" + last + "/delete")).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("version", String.valueOf(version("tracks", last)))).hasStatus3xxRedirection();
		assertThat(audits("track", first)).isEqualTo(1);
	}

	// Speakers and photos

	static byte[] image(String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), format, out);
		return out.toByteArray();
	}

	MockMvcTester.MockMultipartMvcRequestBuilder speaker(String path, MockMultipartFile photo, String name, long version) {
		var request = this.mvc.post().uri(path).multipart();
		if (photo != null) {
			request.file(photo);
		}
		return request.with(csrf()).with(as(AccountTestSupport.STAFF_CEMR)).param("name", name).param("role", "Mayor")
			.param("organisation", "City of Erdenet").param("bio", "Bio of " + name).param("version", String.valueOf(version));
	}

	@Test
	void speakersGetAPhotoThatIsServedWithCachingHeadersAndShownWithAltText() throws Exception {
		byte[] png = image("png");
		String name = "Speaker " + this.unique;
		assertThat(speaker(manage("speakers"), new MockMultipartFile("photo", "face.png", "image/png", png), name, 0))
			.hasStatus3xxRedirection();
		long id = this.jdbc.sql("SELECT id FROM speakers WHERE name = ?").param(name).query(Long.class).single();
		assertThat(this.mvc.get().uri(manage("speakers")).with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk().bodyText()
			.contains(name, "Mayor", "City of Erdenet");
		String photo = "/events/" + this.slug + "/speakers/" + id + "/photo";
		MvcTestResult served = this.mvc.get().uri(photo).exchange();
		assertThat(served).hasStatusOk().hasContentType("image/png");
		assertThat(served.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(served.getResponse().getContentAsByteArray()).isEqualTo(png);
		String etag = served.getResponse().getHeader("ETag");
		assertThat(etag).isEqualTo("\"" + SpeakerPhoto.sha256(png) + "\"");
		assertThat(served.getResponse().getHeader("Cache-Control")).contains("max-age=86400", "public");
		assertThat(this.mvc.get().uri(photo).header("If-None-Match", etag)).hasStatus(304);
		// On the session page and the speaker page, with alt text.
		long session = this.jdbc.sql("""
				INSERT INTO sessions (event_id, title, starts_at, ends_at, kind)
				VALUES (?, 'Mayors panel', TIMESTAMPTZ '2027-06-15 09:00+08', TIMESTAMPTZ '2027-06-15 10:00+08', 'PANEL') RETURNING id
				""").param(this.event).query(Long.class).single();
		this.jdbc.sql("INSERT INTO session_speakers (session_id, speaker_id, during) VALUES (?, ?, 'empty')").params(session, id)
			.update();
		String alt = "alt=\"Photo of " + name + "\"";
		assertThat(this.mvc.get().uri("/events/" + this.slug + "/sessions/" + session)).hasStatusOk().bodyText()
			.contains(alt, photo + "?v=");
		assertThat(this.mvc.get().uri("/events/" + this.slug + "/speakers/" + id)).hasStatusOk().bodyText().contains(alt);
		// A used speaker is not deleted; the message names the session.
		assertThat(this.mvc.post().uri(manage("speakers/" + id + "/delete")).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("version", String.valueOf(version("speakers", id)))).hasStatusOk().bodyText()
			.contains("the session \u201c<bdi lang=\"\">Mayors panel</bdi>\u201d names them");
		// A photo of another event's speaker is not served under this event.
		assertThat(this.mvc.get().uri("/events/" + EventDemoData.SLUG + "/speakers/" + id + "/photo")).hasStatus(404);
		assertThat(audits("speaker", id)).isEqualTo(1);
	}

	@Test
	void aWrongOrTooLargePhotoIsRefusedNextToTheFieldAndTheRestIsKept() throws Exception {
		String name = "Speaker " + this.unique;
		byte[] pdf = "%PDF-1.7 not an image".getBytes(StandardCharsets.US_ASCII);
		assertThat(speaker(manage("speakers"), new MockMultipartFile("photo", "face.png", "image/png", pdf), name, 0))
			.hasStatusOk().bodyText()
			.contains("Error: Speakers and moderators of", "The photo must be a JPEG, PNG or WebP image.", name,
					"City of Erdenet", "Bio of " + name);
		byte[] large = new byte[SpeakerPhoto.MAX_BYTES + 1];
		System.arraycopy(image("jpg"), 0, large, 0, 3);
		assertThat(speaker(manage("speakers"), new MockMultipartFile("photo", "face.jpg", "image/jpeg", large), name, 0))
			.hasStatusOk().bodyText().contains("The photo is larger than 2 MB.", name);
		assertThat(this.jdbc.sql("SELECT count(*) FROM speakers WHERE name = ?").param(name).query(Long.class).single()).isZero();
		// JPEG and WebP pass by their first bytes, whatever the name says.
		byte[] webp = "RIFF\u0000\u0000\u0000\u0000WEBPVP8 data".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(SpeakerPhoto.of(webp).mediaType()).isEqualTo("image/webp");
		assertThat(SpeakerPhoto.of(image("jpg")).mediaType()).isEqualTo("image/jpeg");
		assertThat(speaker(manage("speakers"), new MockMultipartFile("photo", "face.txt", "text/plain", image("jpg")), name, 0))
			.hasStatus3xxRedirection();
		long id = this.jdbc.sql("SELECT id FROM speakers WHERE name = ?").param(name).query(Long.class).single();
		assertThat(this.jdbc.sql("SELECT media_type FROM speaker_photos WHERE speaker_id = ?").param(id).query(String.class)
			.single()).isEqualTo("image/jpeg");
		// The database itself refuses a type it does not know.
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> this.jdbc.sql(
				"UPDATE speaker_photos SET media_type = 'image/gif' WHERE speaker_id = ?").param(id).update()))
			.hasMessageContaining("speaker_photos_type_ck");
	}

	@Test
	void speakersAreEditedUnderOptimisticLockingAndDeletedWhenNoSessionNamesThem() throws Exception {
		String name = "Speaker " + this.unique;
		assertThat(speaker(manage("speakers"), null, name, 0)).hasStatus3xxRedirection();
		long id = this.jdbc.sql("SELECT id FROM speakers WHERE name = ?").param(name).query(Long.class).single();
		assertThat(this.mvc.get().uri(manage("speakers/" + id)).with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk()
			.bodyText().contains("Edit speaker " + name);
		long v = version("speakers", id);
		assertThat(speaker(manage("speakers/" + id), new MockMultipartFile("photo", "p.png", "image/png", image("png")),
				name + " Jr", v)).hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("SELECT count(*) FROM speaker_photos WHERE speaker_id = ?").param(id).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(speaker(manage("speakers/" + id), null, name + " Sr", v)).hasStatusOk().bodyText()
			.contains("Someone else changed this", name + " Sr");
		assertThat(speaker(manage("speakers/" + id), null, "", version("speakers", id))).hasStatusOk().bodyText()
			.contains("Enter the name of the speaker.");
		assertThat(speaker(manage("speakers/" + id), null, name, version("speakers", id)).param("removePhoto", "true"))
			.hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("SELECT count(*) FROM speaker_photos WHERE speaker_id = ?").param(id).query(Long.class)
			.single()).isZero();
		assertThat(this.mvc.get().uri("/events/" + this.slug + "/speakers/" + id + "/photo")).hasStatus(404);
		assertThat(this.mvc.post().uri(manage("speakers/" + id + "/delete")).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("version", String.valueOf(version("speakers", id)))).hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("SELECT count(*) FROM speakers WHERE id = ?").param(id).query(Long.class).single()).isZero();
		assertThat(audits("speaker", id)).isEqualTo(4);
	}

	@Test
	void theStaffPagesSpeakMongolianAndFrench() {
		long room = this.jdbc.sql("INSERT INTO rooms (event_id, name) VALUES (?, 'Hall') RETURNING id").param(this.event)
			.query(Long.class).single();
		long track = this.jdbc.sql("SELECT id FROM tracks WHERE event_id = ? AND position = 1").param(this.event)
			.query(Long.class).single();
		String[][] expected = { { "mn", "Шинэ арга хэмжээ", "Танхим нэмэх", "Чиглэл нэмэх", "Илтгэгч нэмэх", "Хадгалах" },
				{ "fr", "Nouvel événement", "Ajouter une salle", "Ajouter une thématique", "Ajouter un intervenant", "Enregistrer" } };
		for (String[] lang : expected) {
			String[] paths = { "/events/new", manage("rooms"), manage("tracks"), manage("speakers"), manage("rooms/" + room),
					manage("tracks/" + track) };
			for (int i = 0; i < paths.length; i++) {
				assertThat(this.mvc.get().uri(paths[i] + "?lang=" + lang[0]).with(as(AccountTestSupport.STAFF_CEMR)))
					.hasStatusOk().bodyText().contains(lang[Math.min(i + 1, 5)]);
			}
		}
	}
}
