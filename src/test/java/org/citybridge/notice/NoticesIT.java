package org.citybridge.notice;

import java.time.LocalDate;
import java.util.List;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.DemoPlaces;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices as their recipients meet them: one per person, never to the actor, none when the change
 * rolls back; mailed in each recipient's language, at once, in one daily digest, or not at all.
 */
class NoticesIT extends DemoDataIntegrationTest {

	String tag;

	long zeitz;

	long english;

	long mongolian;

	long french;

	@BeforeEach
	void accounts() {
		this.tag = AccountTestSupport.tag();
		this.zeitz = AccountTestSupport.municipalityId(this.context, DemoPlaces.ZEITZ);
		this.english = officer("en");
		this.mongolian = officer("mn");
		this.french = officer("fr");
	}

	long officer(String language) {
		return this.jdbc.sql("""
				INSERT INTO accounts (email, display_name, password_hash, role, municipality_id, enabled, language)
				VALUES (?, ?, 'x', 'OFFICER', ?, true, ?) RETURNING id
				""").params(email(language), "Officer " + language, this.zeitz, language).query(Long.class).single();
	}

	String email(String language) {
		return "notice-" + language + "-" + this.tag + "@example.org";
	}

	int announce(Announcement announcement) {
		return new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class))
			.execute(status -> this.context.getBean(Notices.class).announce(announcement));
	}

	long notices(long account) {
		return this.jdbc.sql("SELECT count(*) FROM notices WHERE account_id = ?").param(account).query(Long.class).single();
	}

	List<String> subjects(String language) {
		return this.jdbc.sql("SELECT subject FROM outbox_messages WHERE recipient = ? ORDER BY id").param(email(language))
			.query(String.class).list();
	}

	void prefer(long account, NoticeKind kind, Delivery delivery) {
		this.jdbc.sql("INSERT INTO notice_preferences (account_id, kind, delivery) VALUES (?, ?, ?)")
			.params(account, kind.name(), delivery.name()).update();
	}

	@Test
	void anOfficerWhoAlsoFollowsTheThingHearsOnceAndTheActorNotAtAll() {
		long agreement = 900_000 + (long) (Math.random() * 1000);
		this.jdbc.sql("INSERT INTO follows (account_id, target_type, target_id) VALUES (?, 'AGREEMENT', ?)")
			.params(this.english, agreement).update();
		announce(Announcement.of(NoticeKind.AGREEMENT_VERIFIED)
			.to(Audience.officersOf(this.zeitz), Audience.followers(Followable.AGREEMENT, agreement))
			.args("Pact " + this.tag)
			.link("/agreements/1")
			.by(this.french));
		assertThat(notices(this.english)).isEqualTo(1);
		assertThat(notices(this.mongolian)).isEqualTo(1);
		assertThat(notices(this.french)).isZero();
		assertThat(subjects("en")).containsExactly("Agreement verified: Pact " + this.tag);
		assertThat(subjects("fr")).isEmpty();
	}

	@Test
	void eachRecipientReadsTheMailInTheirOwnLanguageWithAnAbsoluteLinkAndTheSettingsAddress() {
		announce(Announcement.of(NoticeKind.AGREEMENT_VERIFIED).to(Audience.officersOf(this.zeitz))
			.args("Pact " + this.tag).link("/agreements/7"));
		assertThat(subjects("en")).containsExactly("Agreement verified: Pact " + this.tag);
		assertThat(subjects("mn")).containsExactly("Гэрээ баталгаажлаа: Pact " + this.tag);
		assertThat(subjects("fr")).containsExactly("Accord vérifié\u202f: Pact " + this.tag);
		String body = this.jdbc.sql("SELECT body FROM outbox_messages WHERE recipient = ?").param(email("mn"))
			.query(String.class).single();
		assertThat(body).contains("Сайн байна уу, Officer mn?", "Сүлжээний ажилтан «Pact " + this.tag + "» гэрээг баталгаажууллаа.",
				"http://citybridge.test/agreements/7", "http://citybridge.test/notices/settings");
		assertThat(this.jdbc.sql("SELECT mailed_at IS NOT NULL FROM notices WHERE account_id = ?").param(this.mongolian)
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void aChangeThatRollsBackAnnouncesNothingAndMailsNothing() {
		new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
			this.context.getBean(Notices.class)
				.announce(Announcement.of(NoticeKind.REQUEST_SENT).to(Audience.officersOf(this.zeitz)).args("Bonn", "Zeitz"));
			status.setRollbackOnly();
		});
		assertThat(notices(this.english)).isZero();
		assertThat(subjects("en")).isEmpty();
	}

	@Test
	void preferencesAreHonouredOffNeverMailsDigestMailsOnceADayImmediateAtOnce() {
		prefer(this.english, NoticeKind.EVENT_REGISTRATION, Delivery.OFF);
		prefer(this.mongolian, NoticeKind.EVENT_REGISTRATION, Delivery.DIGEST);
		Announcement registered = Announcement.of(NoticeKind.EVENT_REGISTRATION)
			.to(Audience.accounts(List.of(this.english, this.mongolian, this.french)))
			.args("Forum " + this.tag)
			.link("/events/x");
		announce(registered);
		announce(registered.args("Second forum " + this.tag));

		// At once: one mail per notice; off and digest: nothing yet, though all are listed.
		assertThat(subjects("fr")).hasSize(2);
		assertThat(subjects("en")).isEmpty();
		assertThat(subjects("mn")).isEmpty();
		assertThat(notices(this.english)).isEqualTo(2);
		assertThat(notices(this.mongolian)).isEqualTo(2);

		NoticeDigests digests = this.context.getBean(NoticeDigests.class);
		LocalDate day = LocalDate.of(2031, 3, 4);
		digests.send(day);
		assertThat(subjects("mn")).containsExactly("CityBridge: 2 шинэ мэдэгдэл");
		String digest = this.jdbc.sql("SELECT body FROM outbox_messages WHERE recipient = ?").param(email("mn"))
			.query(String.class).single();
		assertThat(digest).contains("Та «Forum " + this.tag + "» арга хэмжээнд бүртгэгдлээ.", "Та «Second forum " + this.tag + "» арга хэмжээнд бүртгэгдлээ.");
		assertThat(subjects("en")).as("off: listed in the portal only").isEmpty();

		// A second run the same day sends nothing, even with a new notice waiting.
		announce(registered.args("Third forum " + this.tag));
		digests.send(day);
		assertThat(subjects("mn")).hasSize(1);
		// The next day, the new one goes out.
		digests.send(day.plusDays(1));
		assertThat(subjects("mn")).hasSize(2);
		digests.send(day.plusDays(2));
		assertThat(subjects("mn")).as("nothing new, no mail").hasSize(2);
		assertThat(subjects("en")).isEmpty();
	}

	@Test
	void everyKindHasASubjectAndTextInEveryLanguage() {
		NoticeMails mails = this.context.getBean(NoticeMails.class);
		for (NoticeKind kind : NoticeKind.values()) {
			NoticeMails.Stored notice = new NoticeMails.Stored(1, 1, kind.name(), List.of("A", "2", "C", "D"), "/", java.time.Instant.now(), null);
			for (String language : List.of("en", "mn", "fr")) {
				java.util.Locale locale = NoticeMails.locale(language);
				assertThat(mails.subject(notice, locale)).as(kind + " " + language).isNotBlank().doesNotContain("{");
				assertThat(mails.text(notice, locale)).as(kind + " " + language).contains("A").doesNotContain("{");
			}
		}
	}

	/**
	 * Every kind, as its recipients chose: off (listed, never mailed), in the daily digest (one mail,
	 * in Mongolian, carrying the kind's text) and at once (one mail, in French, with the kind's subject).
	 */
	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.EnumSource(NoticeKind.class)
	void everyKindIsListedAndMailedAsEachRecipientChoseInTheirLanguage(NoticeKind kind) {
		prefer(this.english, kind, Delivery.OFF);
		prefer(this.mongolian, kind, Delivery.DIGEST);
		Object[] args = { "Subject " + this.tag, "2", "Third " + this.tag, "Fourth " + this.tag };
		announce(Announcement.of(kind).to(Audience.accounts(List.of(this.english, this.mongolian, this.french)))
			.args(args)
			.link("/home"));
		org.springframework.context.MessageSource messages = this.context.getBean(org.springframework.context.MessageSource.class);

		assertThat(notices(this.english)).as("off: listed").isEqualTo(1);
		assertThat(subjects("en")).as("off: never mailed").isEmpty();
		assertThat(subjects("fr")).as("at once, in French")
			.containsExactly(messages.getMessage(kind.subjectKey(), args, java.util.Locale.FRENCH));
		assertThat(subjects("mn")).as("digest: not yet").isEmpty();

		this.context.getBean(NoticeDigests.class).send(LocalDate.of(2032, 1, 1 + kind.ordinal() % 28));
		assertThat(subjects("mn")).as("digest: one mail").hasSize(1);
		assertThat(this.jdbc.sql("SELECT body FROM outbox_messages WHERE recipient = ?").param(email("mn"))
			.query(String.class).single())
			.contains(messages.getMessage(kind.textKey(), args, java.util.Locale.forLanguageTag("mn")));
		assertThat(subjects("en")).as("off: not in a digest either").isEmpty();
	}
}
