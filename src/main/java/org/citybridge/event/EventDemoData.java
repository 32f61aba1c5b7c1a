package org.citybridge.event;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citybridge.network.Organisation;
import org.citybridge.network.Organisations;
import org.citybridge.system.translation.Translations.DemoText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Brussels Networking and Best Practice Forum of 17–20 February 2025 with the sessions the
 * product story names (the networking meeting at the House of Municipalities hosted by CEMR, NALAS
 * President Dusan Raicevic on the four focus areas) and a few example sessions, marked as demo
 * programme. Loads once: an event with the slug already there is left alone.
 */
@Service
public class EventDemoData {

	public static final String SLUG = "brussels-forum-2025";

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	/** The four strategic focus areas, the default tracks of a forum. */
	public static final List<String> FOCUS_AREAS = List.of("Institutional partnerships", "EU funding and technical assistance",
			"Regional and global networks", "Local capacity for international engagement");

	record DemoSession(String title, String abstractText, LocalDate day, int startHour, int startMinute, int endHour,
			int endMinute, String room, Integer track, SessionKind kind, String languages, List<String> speakers,
			boolean demo) {
	}

	record DemoSpeaker(String name, String role, String organisation, boolean demo, String bio) {
	}

	/** The demo workshops take registrations for this many seats. */
	static final int WORKSHOP_SEATS = 25;

	static final LocalDate DAY1 = LocalDate.of(2025, 2, 17);

	static final List<DemoSpeaker> SPEAKERS = List.of(new DemoSpeaker("Dusan Raicevic", "President", "NALAS", false,
			"President of NALAS, the Network of Associations of Local Authorities of South-East Europe. At the Brussels forum he set out four strategic focus areas for city-to-city partnerships."),
			new DemoSpeaker("Example Moderator (demo)", "Policy officer", "CEMR (demo)", true,
					"An example speaker of the demo programme."),
			new DemoSpeaker("Example Speaker (demo)", "Head of international relations", "Darkhan (demo)", true,
					"An example speaker of the demo programme."));

	static final List<DemoSession> SESSIONS = List.of(
			new DemoSession("Networking meeting: Mongolian delegation and European stakeholders in decentralised cooperation",
					"A high-level Mongolian delegation meets European stakeholders in decentralised cooperation on urban development, resilience and innovation.",
					DAY1, 10, 0, 11, 30, "House of Municipalities", null, SessionKind.NETWORKING, "English, Mongolian",
					List.of(), false),
			new DemoSession("Four strategic focus areas for city-to-city partnerships",
					"Institutional partnerships; EU funding and technical assistance; regional and global networks; local capacity for international engagement.",
					DAY1, 11, 30, 12, 30, "House of Municipalities", null, SessionKind.PLENARY, "English",
					List.of("Dusan Raicevic"), false),
			new DemoSession("Sister-city agreements: from memorandum to long-term collaboration",
					"Example session of the demo programme.", DAY1.plusDays(1), 9, 30, 11, 0, "Room A (demo)", 0,
					SessionKind.PANEL, "English", List.of("Example Moderator (demo)", "Example Speaker (demo)"), true),
			new DemoSession("Twinning and TAIEX: EU technical assistance for municipalities",
					"Example session of the demo programme.", DAY1.plusDays(1), 9, 30, 11, 0, "Room B (demo)", 1,
					SessionKind.WORKSHOP, "English, French", List.of(), true),
			new DemoSession("EU–Asia cooperation forums and smart city summits",
					"Example session of the demo programme.", DAY1.plusDays(2), 14, 0, 15, 30, "Room A (demo)", 2,
					SessionKind.PANEL, "English", List.of("Example Moderator (demo)"), true),
			new DemoSession("Training local officials in international project management",
					"Example session of the demo programme.", DAY1.plusDays(2), 14, 0, 16, 0, "Room B (demo)", 3,
					SessionKind.WORKSHOP, "English, Mongolian", List.of("Example Speaker (demo)"), true),
			new DemoSession("Closing plenary: next steps for European–Mongolian partnerships",
					"Example session of the demo programme.", DAY1.plusDays(3), 10, 0, 11, 0, "House of Municipalities", null,
					SessionKind.PLENARY, "English, Mongolian", List.of("Example Moderator (demo)"), true));

	/**
	 * A forum that is still to come, so that a delegate can try what the Brussels forum (over
	 * since February 2025) no longer allows: signing up, registering, a waiting list. It is plainly
	 * a demonstration, not a real forum; its dates follow the day the demo data is loaded.
	 */
	public static final String UPCOMING_SLUG = "partnership-forum-demo";

	/** The upcoming demo forum takes registrations for this many delegates. */
	static final int UPCOMING_SEATS = 60;

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final java.time.Clock clock;

	EventDemoData(JdbcClient jdbc, Organisations organisations, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.clock = clock;
	}

	/**
	 * Loads the upcoming demonstration forum unless it is there already: on the first Monday at
	 * least eight weeks after today, registration open, a plenary, a workshop with seats and a
	 * networking session.
	 */
	private void loadUpcoming(long cemr) {
		boolean present = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM events WHERE slug = ?)").param(UPCOMING_SLUG)
			.query(Boolean.class).single();
		if (present) {
			return;
		}
		LocalDate day1 = LocalDate.now(this.clock.withZone(BRUSSELS)).plusWeeks(8)
			.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
		long event = this.jdbc.sql("""
				INSERT INTO events (slug, title, kind, host_organisation_id, starts_on, ends_on, time_zone, venue_name,
				                    venue_address, description, demo, registration_open, capacity)
				VALUES (?, ?, 'FORUM', ?, ?, ?, ?, ?, ?, ?, true, true, ?) RETURNING id
				""").params(UPCOMING_SLUG, "Follow-up forum on European–Mongolian city partnerships (demo)", cemr, day1,
				day1.plusDays(1), BRUSSELS.getId(), "House of Municipalities (demo)", "Brussels",
				"A demonstration event, not a real forum: it shows how delegates sign up, register and keep their agenda for a forum like the Brussels one.",
				UPCOMING_SEATS)
			.query(Long.class).single();
		long room = this.jdbc.sql("INSERT INTO rooms (event_id, name, capacity) VALUES (?, ?, ?) RETURNING id")
			.params(event, "Main hall (demo)", 80).query(Long.class).single();
		List<DemoSession> sessions = List.of(
				new DemoSession("Opening plenary: partnerships one year after Brussels (demo)", "Example session of the demo programme.",
						day1, 9, 30, 10, 30, null, null, SessionKind.PLENARY, "English, Mongolian", List.of(), true),
				new DemoSession("Workshop: preparing a Twinning or TAIEX application together (demo)",
						"Example session of the demo programme.", day1, 11, 0, 12, 30, null, null, SessionKind.WORKSHOP,
						"English, French", List.of(), true),
				new DemoSession("Networking: Mongolian aimags and European regions (demo)", "Example session of the demo programme.",
						day1.plusDays(1), 10, 0, 11, 30, null, null, SessionKind.NETWORKING, "English, Mongolian", List.of(), true));
		for (DemoSession session : sessions) {
			LocalDateTime starts = session.day().atTime(session.startHour(), session.startMinute());
			LocalDateTime ends = session.day().atTime(session.endHour(), session.endMinute());
			this.jdbc.sql("""
					INSERT INTO sessions (event_id, title, abstract, starts_at, ends_at, room_id, kind, languages, demo, capacity)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, true, ?)
					""").params(event, session.title(), session.abstractText(),
					Timestamp.from(starts.atZone(BRUSSELS).toInstant()), Timestamp.from(ends.atZone(BRUSSELS).toInstant()), room,
					session.kind().name(), session.languages(), session.kind() == SessionKind.WORKSHOP ? WORKSHOP_SEATS : null)
				.update();
		}
	}

	/**
	 * The Mongolian and French of the demo forums' texts (issue 20): the titles, the tracks, the
	 * sessions, the rooms and the speakers' roles, each by its English original.
	 */
	static final List<DemoText> TRANSLATIONS = List.of(
			new DemoText("events", "title", "Networking and Best Practice Forum on city-to-city partnerships",
					"Хот хоорондын түншлэлийн харилцаа тогтоох, шилдэг туршлага хуваалцах форум",
					"Forum de mise en réseau et de bonnes pratiques sur les partenariats entre villes"),
			new DemoText("events", "description", "The Friendship Project convenes implementing partners, EU institutions and European organisations in Brussels on city-to-city partnerships between European and Mongolian cities.",
					"Нөхөрлөлийн төсөл хэрэгжүүлэгч түншүүд, ЕХ-ны байгууллагууд болон Европын байгууллагуудыг Брюссельд цуглуулж, Европ, Монголын хотуудын хоорондын түншлэлийг хэлэлцэнэ.",
					"Le projet Amitié réunit à Bruxelles les partenaires de mise en œuvre, les institutions de l’UE et des organisations européennes autour des partenariats entre villes européennes et mongoles."),
			new DemoText("events", "title", "Follow-up forum on European–Mongolian city partnerships (demo)",
					"Европ–Монголын хотуудын түншлэлийн дараагийн форум (туршилтын)",
					"Forum de suivi sur les partenariats entre villes européennes et mongoles (démo)"),
			new DemoText("events", "description", "A demonstration event, not a real forum: it shows how delegates sign up, register and keep their agenda for a forum like the Brussels one.",
					"Жинхэнэ форум биш, үзүүлэх зорилготой арга хэмжээ: Брюсселийнх шиг форумд төлөөлөгчид хэрхэн бүртгэл үүсгэж, бүртгүүлж, хөтөлбөрөө хөтлөхийг харуулна.",
					"Un événement de démonstration, pas un vrai forum : il montre comment les délégués créent un compte, s’inscrivent et tiennent leur programme pour un forum comme celui de Bruxelles."),
			new DemoText("tracks", "name", "Institutional partnerships",
					"Институцийн түншлэл",
					"Partenariats institutionnels"),
			new DemoText("tracks", "name", "EU funding and technical assistance",
					"ЕХ-ны санхүүжилт ба техникийн туслалцаа",
					"Financements de l’UE et assistance technique"),
			new DemoText("tracks", "name", "Regional and global networks",
					"Бүс нутгийн болон дэлхийн сүлжээ",
					"Réseaux régionaux et mondiaux"),
			new DemoText("tracks", "name", "Local capacity for international engagement",
					"Олон улсын хамтын ажиллагаанд оролцох орон нутгийн чадавх",
					"Capacités locales pour l’action internationale"),
			new DemoText("rooms", "name", "House of Municipalities",
					"Муниципалитетуудын ордон",
					"Maison des communes"),
			new DemoText("rooms", "name", "Room A (demo)",
					"А танхим (туршилтын)",
					"Salle A (démo)"),
			new DemoText("rooms", "name", "Room B (demo)",
					"Б танхим (туршилтын)",
					"Salle B (démo)"),
			new DemoText("rooms", "name", "Main hall (demo)",
					"Их танхим (туршилтын)",
					"Grande salle (démo)"),
			new DemoText("speakers", "role", "President",
					"Ерөнхийлөгч",
					"Président"),
			new DemoText("speakers", "role", "Policy officer",
					"Бодлогын мэргэжилтэн",
					"Chargé de politiques"),
			new DemoText("speakers", "role", "Head of international relations",
					"Гадаад харилцааны албаны дарга",
					"Responsable des relations internationales"),
			new DemoText("sessions", "title", "Networking meeting: Mongolian delegation and European stakeholders in decentralised cooperation",
					"Танилцах уулзалт: Монголын төлөөлөгчид ба төвлөрсөн бус хамтын ажиллагааны Европын оролцогч талууд",
					"Rencontre de mise en réseau : délégation mongole et acteurs européens de la coopération décentralisée"),
			new DemoText("sessions", "abstract", "A high-level Mongolian delegation meets European stakeholders in decentralised cooperation on urban development, resilience and innovation.",
					"Монголын өндөр түвшний төлөөлөгчид хотын хөгжил, тэсвэртэй байдал, инновацийн чиглэлээр төвлөрсөн бус хамтын ажиллагааны Европын оролцогч талуудтай уулзана.",
					"Une délégation mongole de haut niveau rencontre des acteurs européens de la coopération décentralisée sur le développement urbain, la résilience et l’innovation."),
			new DemoText("sessions", "title", "Four strategic focus areas for city-to-city partnerships",
					"Хот хоорондын түншлэлийн стратегийн дөрвөн чиглэл",
					"Quatre axes stratégiques pour les partenariats entre villes"),
			new DemoText("sessions", "abstract", "Institutional partnerships; EU funding and technical assistance; regional and global networks; local capacity for international engagement.",
					"Институцийн түншлэл; ЕХ-ны санхүүжилт ба техникийн туслалцаа; бүс нутгийн болон дэлхийн сүлжээ; олон улсын хамтын ажиллагаанд оролцох орон нутгийн чадавх.",
					"Partenariats institutionnels ; financements de l’UE et assistance technique ; réseaux régionaux et mondiaux ; capacités locales pour l’action internationale."),
			new DemoText("sessions", "title", "Sister-city agreements: from memorandum to long-term collaboration",
					"Ах дүү хотын гэрээ: санамж бичгээс урт хугацааны хамтын ажиллагаа хүртэл",
					"Accords de jumelage : du protocole d’accord à une collaboration durable"),
			new DemoText("sessions", "title", "Twinning and TAIEX: EU technical assistance for municipalities",
					"Твиннинг ба TAIEX: ЕХ-ноос хотуудад үзүүлэх техникийн туслалцаа",
					"Jumelage et TAIEX : l’assistance technique de l’UE pour les communes"),
			new DemoText("sessions", "title", "EU–Asia cooperation forums and smart city summits",
					"ЕХ–Азийн хамтын ажиллагааны форум ба ухаалаг хотын дээд хэмжээний уулзалтууд",
					"Forums de coopération UE–Asie et sommets des villes intelligentes"),
			new DemoText("sessions", "title", "Training local officials in international project management",
					"Орон нутгийн албан хаагчдыг олон улсын төслийн удирдлагад сургах",
					"Former les agents locaux à la gestion de projets internationaux"),
			new DemoText("sessions", "title", "Closing plenary: next steps for European–Mongolian partnerships",
					"Хаалтын нэгдсэн хуралдаан: Европ–Монголын түншлэлийн дараагийн алхмууд",
					"Séance plénière de clôture : prochaines étapes des partenariats euro-mongols"),
			new DemoText("sessions", "abstract", "Example session of the demo programme.",
					"Туршилтын хөтөлбөрийн жишээ хуралдаан.",
					"Session d’exemple du programme de démonstration."),
			new DemoText("sessions", "title", "Opening plenary: partnerships one year after Brussels (demo)",
					"Нээлтийн нэгдсэн хуралдаан: Брюсселээс хойш нэг жилийн дараах түншлэл (туршилтын)",
					"Séance plénière d’ouverture : les partenariats un an après Bruxelles (démo)"),
			new DemoText("sessions", "title", "Workshop: preparing a Twinning or TAIEX application together (demo)",
					"Сургалт: Твиннинг эсвэл TAIEX-ийн өргөдлийг хамтдаа бэлтгэх (туршилтын)",
					"Atelier : préparer ensemble une demande de jumelage ou TAIEX (démo)"),
			new DemoText("sessions", "title", "Networking: Mongolian aimags and European regions (demo)",
					"Танилцах уулзалт: Монголын аймгууд ба Европын бүс нутгууд (туршилтын)",
					"Mise en réseau : aimags mongols et régions européennes (démo)"));

	/**
	 * Gives the demo forums' texts their translations where none were given yet, so that a database
	 * loaded before translations existed gets them too; a text staff have translated is left alone.
	 */
	private void translate() {
		String events = "SELECT id FROM events WHERE slug IN ('" + SLUG + "', '" + UPCOMING_SLUG + "')";
		for (DemoText t : TRANSLATIONS) {
			String scope = switch (t.table()) {
				case "events" -> "id IN (" + events + ")";
				case "speakers" -> "id IN (SELECT speaker_id FROM event_speakers WHERE event_id IN (" + events + ")"
						+ " UNION SELECT ss.speaker_id FROM session_speakers ss JOIN sessions s ON s.id = ss.session_id"
						+ " WHERE s.event_id IN (" + events + "))";
				default -> "event_id IN (" + events + ")";
			};
			t.giveWhereMissing(this.jdbc, scope);
		}
	}

	/**
	 * Loads the Brussels forum and the upcoming demonstration forum, each unless it is there
	 * already; neither without their host CEMR.
	 */
	@Transactional
	public void load() {
		boolean present = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM events WHERE slug = ?)").param(SLUG)
			.query(Boolean.class).single();
		Long cemr = this.organisations.all().stream().filter(o -> "CEMR".equals(o.shortName())).map(Organisation::id)
			.findFirst().orElse(null);
		if (cemr == null) {
			return;
		}
		loadUpcoming(cemr);
		if (present) {
			translate();
			return;
		}
		long event = this.jdbc.sql("""
				INSERT INTO events (slug, title, kind, host_organisation_id, starts_on, ends_on, time_zone, venue_name,
				                    venue_address, description, demo)
				VALUES (?, ?, 'FORUM', ?, ?, ?, ?, ?, ?, ?, true) RETURNING id
				""").params(SLUG, "Networking and Best Practice Forum on city-to-city partnerships", cemr, DAY1,
				DAY1.plusDays(3), BRUSSELS.getId(), "House of Municipalities", "Brussels",
				"The Friendship Project convenes implementing partners, EU institutions and European organisations in Brussels on city-to-city partnerships between European and Mongolian cities.")
			.query(Long.class).single();
		Map<String, Long> rooms = new HashMap<>();
		for (String room : List.of("House of Municipalities", "Room A (demo)", "Room B (demo)")) {
			rooms.put(room, this.jdbc.sql("INSERT INTO rooms (event_id, name, capacity) VALUES (?, ?, ?) RETURNING id")
				.params(event, room, room.startsWith("House") ? 80 : 30).query(Long.class).single());
		}
		List<Long> tracks = new java.util.ArrayList<>();
		for (int i = 0; i < FOCUS_AREAS.size(); i++) {
			tracks.add(this.jdbc.sql("INSERT INTO tracks (event_id, position, name) VALUES (?, ?, ?) RETURNING id")
				.params(event, i + 1, FOCUS_AREAS.get(i)).query(Long.class).single());
		}
		Map<String, Long> speakers = new HashMap<>();
		for (DemoSpeaker speaker : SPEAKERS) {
			long id = this.jdbc.sql("SELECT id FROM speakers WHERE name = ? ORDER BY id LIMIT 1").param(speaker.name())
				.query(Long.class).optional()
				.orElseGet(() -> this.jdbc.sql("INSERT INTO speakers (name, role, organisation, demo, bio) VALUES (?, ?, ?, ?, ?) RETURNING id")
					.params(speaker.name(), speaker.role(), speaker.organisation(), speaker.demo(), speaker.bio()).query(Long.class).single());
			speakers.put(speaker.name(), id);
		}
		for (DemoSession session : SESSIONS) {
			LocalDateTime starts = session.day().atTime(session.startHour(), session.startMinute());
			LocalDateTime ends = session.day().atTime(session.endHour(), session.endMinute());
			long id = this.jdbc.sql("""
					INSERT INTO sessions (event_id, title, abstract, starts_at, ends_at, room_id, track_id, kind, languages, demo, capacity)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
					""").params(event, session.title(), session.abstractText(),
					Timestamp.from(starts.atZone(BRUSSELS).toInstant()), Timestamp.from(ends.atZone(BRUSSELS).toInstant()),
					rooms.get(session.room()), session.track() == null ? null : tracks.get(session.track()),
					session.kind().name(), session.languages(), session.demo(),
					session.kind() == SessionKind.WORKSHOP ? WORKSHOP_SEATS : null)
				.query(Long.class).single();
			for (String speaker : session.speakers()) {
				this.jdbc.sql("INSERT INTO session_speakers (session_id, speaker_id, during) VALUES (?, ?, 'empty')")
					.params(id, speakers.get(speaker)).update();
			}
		}
		translate();
	}
}
