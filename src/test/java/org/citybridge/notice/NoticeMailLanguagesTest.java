package org.citybridge.notice;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.citybridge.system.web.IcuMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every notice can be mailed in each of the portal's languages (issues 19 and 20): for every kind,
 * its subject and its text in French and in Mongolian are their own, not the English words, and the
 * mail's frame (greeting, link, settings, sign-off, digest) too. Rendered as the mails are, through
 * the bundles with arguments, so a quote that swallows an argument shows up as well.
 */
class NoticeMailLanguagesTest {

	static final Locale MN = Locale.forLanguageTag("mn");

	static final List<String> FRAME = List.of("notice.mail.greeting", "notice.mail.open", "notice.mail.settings",
			"notice.mail.signOff", "notice.digest.intro", "notice.digest.subject");

	/** The bundles as the portal formats them (ICU), strict: a count in a plain placeholder fails. */
	static IcuMessageSource bundles() {
		IcuMessageSource messages = new IcuMessageSource(true);
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@Test
	void everyKindHasItsSubjectAndTextInEachLanguage() {
		IcuMessageSource messages = bundles();
		// The second argument is a place on the waiting list for two kinds, a name for the others.
		Object[] args = { "Darkhan", "2", NoticeMails.shown(Announcement.moment(Instant.parse("2027-01-20T08:30:00Z"),
				ZoneId.of("Europe/Brussels")), Locale.ENGLISH), "Room 2" };
		List<String> same = new ArrayList<>();
		for (NoticeKind kind : NoticeKind.values()) {
			for (String key : List.of(kind.subjectKey(), kind.textKey())) {
				String english = messages.getMessage(key, args, Locale.ENGLISH);
				for (Locale language : List.of(Locale.FRENCH, MN)) {
					String written = messages.getMessage(key, args, language);
					if (written.equals(english)) {
						same.add(key + " in " + language);
					}
				}
			}
		}
		for (String key : FRAME) {
			// the digest's subject counts its notices
			Object[] frame = key.equals("notice.digest.subject") ? new Object[] { 3 } : args;
			String english = messages.getMessage(key, frame, Locale.ENGLISH);
			for (Locale language : List.of(Locale.FRENCH, MN)) {
				if (messages.getMessage(key, frame, language).equals(english)) {
					same.add(key + " in " + language);
				}
			}
		}
		assertThat(same).as("notices whose mail would read as English").isEmpty();
	}

	@Test
	void aMomentInANoticeIsWrittenInTheReadersLanguage() {
		String moment = Announcement.moment(Instant.parse("2027-01-20T08:30:00Z"), ZoneId.of("Europe/Brussels"));
		assertThat(NoticeMails.shown(moment, Locale.ENGLISH)).isEqualTo("20 January 2027 at 09:30 CET");
		assertThat(NoticeMails.shown(moment, Locale.FRENCH)).startsWith("20 janvier 2027").contains("09:30");
		assertThat(NoticeMails.shown(moment, MN)).startsWith("2027\u202fоны нэгдүгээр сарын 20 09:30");
		// anything else is shown as it is
		assertThat(NoticeMails.shown("Room 2", MN)).isEqualTo("Room 2");
		assertThat(NoticeMails.shown("moment:not a time", MN)).isEqualTo("moment:not a time");
	}
}
