package org.citybridge.notice;

import java.nio.charset.StandardCharsets;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.DemoPlaces;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The notices pages as a signed-in delegate meets them: list, read marks, settings, the feed, following. */
class NoticePagesIT extends DemoDataIntegrationTest {

	String email;

	long account;

	long zeitz;

	@BeforeEach
	void delegate() {
		this.email = "delegate-" + AccountTestSupport.tag() + "@example.org";
		this.account = this.jdbc.sql("""
				INSERT INTO accounts (email, display_name, password_hash, role, enabled, language)
				VALUES (?, 'Delegate', 'x', 'DELEGATE', true, 'mn') RETURNING id
				""").param(this.email).query(Long.class).single();
		this.zeitz = AccountTestSupport.municipalityId(this.context, DemoPlaces.ZEITZ);
	}

	void announce(NoticeKind kind, String link, Object... args) {
		new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> this.context
			.getBean(Notices.class).announce(Announcement.of(kind).to(Audience.account(this.account)).args(args).link(link)));
	}

	static String text(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	@Test
	void theListShowsEachNoticeInTheViewersLanguageWithTheUnreadCountAndOpeningMarksItRead() {
		assertThat(text(this.mvc.get().uri("/notices").with(as(this.email)).exchange()))
			.contains("Nothing to report yet").doesNotContain("badge count");
		announce(NoticeKind.AGREEMENT_VERIFIED, "/agreements/5", "Pact one");
		announce(NoticeKind.EVENT_REGISTRATION, "/events/forum", "Forum two");

		String page = text(this.mvc.get().uri("/notices").header("Accept-Language", "fr").with(as(this.email)).exchange());
		assertThat(page).contains("Le personnel du réseau a vérifié l’accord «\u202f<bdi lang=\"\">Pact one</bdi>\u202f».",
				"Vous êtes inscrit(e) à «\u202f<bdi lang=\"\">Forum two</bdi>\u202f».", "<span class=\"badge count\">2</span>");
		assertThat(page.indexOf("Forum two")).as("newest first").isLessThan(page.indexOf("Pact one"));
		long first = this.jdbc.sql("SELECT id FROM notices WHERE account_id = ? AND kind = 'AGREEMENT_VERIFIED'")
			.param(this.account).query(Long.class).single();

		assertThat(this.mvc.post().uri("/notices/" + first + "/open").with(as(this.email))).hasStatus(403);
		assertThat(this.mvc.post().uri("/notices/" + first + "/open").with(as(this.email)).with(csrf()))
			.hasRedirectedUrl("/agreements/5");
		assertThat(unread()).isEqualTo(1);
		// Someone else's notice is not theirs to open.
		assertThat(this.mvc.post().uri("/notices/" + first + "/open").with(as(AccountTestSupport.OFFICER_GHENT)).with(csrf()))
			.hasStatus(404);
		assertThat(this.mvc.post().uri("/notices/read-all").with(as(this.email)).with(csrf())).hasRedirectedUrl("/notices");
		assertThat(unread()).isZero();
		assertThat(this.mvc.get().uri("/notices")).hasStatus3xxRedirection();
	}

	long unread() {
		return this.jdbc.sql("SELECT count(*) FROM notices WHERE account_id = ? AND read_at IS NULL").param(this.account)
			.query(Long.class).single();
	}

	@Test
	void settingsRefuseAnUnknownChoiceNextToTheFieldAndSaveKnownOnes() {
		assertThat(this.mvc.get().uri("/notices/settings").with(as(this.email))).hasStatusOk().bodyText()
			.contains("Partnership requests", "A session I chose is cancelled", "Daily digest");
		MvcTestResult bad = this.mvc.post().uri("/notices/settings").with(as(this.email)).with(csrf())
			.param("SESSION_CANCELLED", "LOUDLY").param("EVENT_REGISTRATION", "DIGEST").exchange();
		assertThat(bad).hasStatusOk();
		assertThat(text(bad)).contains("id=\"SESSION_CANCELLED-error\"", "Choose at once, daily digest or off.");
		assertThat(preferences()).isZero();
		assertThat(this.mvc.post().uri("/notices/settings").with(as(this.email)).with(csrf())
			.param("SESSION_CANCELLED", "OFF").param("EVENT_REGISTRATION", "DIGEST")).hasRedirectedUrl("/notices/settings");
		assertThat(this.jdbc.sql("SELECT delivery FROM notice_preferences WHERE account_id = ? AND kind = 'SESSION_CANCELLED'")
			.param(this.account).query(String.class).single()).isEqualTo("OFF");
		announce(NoticeKind.SESSION_CANCELLED, "/events/x", "Talk", "Forum");
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox_messages WHERE recipient = ?").param(this.email).query(Long.class)
			.single()).isZero();
	}

	long preferences() {
		return this.jdbc.sql("SELECT count(*) FROM notice_preferences WHERE account_id = ?").param(this.account)
			.query(Long.class).single();
	}

	@Test
	void theFeedAtItsPrivateAddressCarriesTheNoticesInTheAccountsLanguageUntilRevoked() {
		announce(NoticeKind.AGREEMENT_VERIFIED, "/agreements/5", "Pact <one> & co");
		String first = feedAddress();
		MvcTestResult feed = this.mvc.get().uri(first).exchange();
		assertThat(feed).hasStatusOk();
		assertThat(feed.getResponse().getContentType()).startsWith("application/atom+xml");
		assertThat(text(feed)).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"mn\">",
				"Гэрээ баталгаажлаа: Pact &lt;one&gt; &amp; co", "href=\"http://citybridge.test/agreements/5\"");
		assertThat(this.jdbc.sql("SELECT token_hash FROM notice_feeds WHERE account_id = ?").param(this.account)
			.query(String.class).single()).doesNotContain(first.substring(first.lastIndexOf('/') + 1));

		String second = feedAddress();
		assertThat(this.mvc.get().uri(first)).hasStatus(404);
		assertThat(this.mvc.get().uri(second)).hasStatusOk();
		assertThat(this.mvc.post().uri("/notices/settings/feed/delete").with(as(this.email)).with(csrf())).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri(second)).hasStatus(404);
		assertThat(this.mvc.get().uri("/notices/feed/not-a-token")).hasStatus(404);
		assertThat(this.jdbc.sql("""
				SELECT action FROM audit_entries WHERE entity_type = 'noticeFeed' AND entity_id = ? ORDER BY id
				""").param(String.valueOf(this.account)).query(String.class).list())
			.as("made, replaced and revoked, each in the audit log").containsExactly("CREATE", "UPDATE", "DELETE");
	}

	String feedAddress() {
		MvcTestResult made = this.mvc.post().uri("/notices/settings/feed").with(as(this.email)).with(csrf()).exchange();
		String address = (String) made.getMvcResult().getFlashMap().get("feedAddress");
		assertThat(address).startsWith("http://citybridge.test/notices/feed/");
		return address.substring("http://citybridge.test".length());
	}

	@Test
	void aSignedInPersonFollowsAndUnfollowsWithCsrfAndAVisitorIsRefused() {
		String profile = "/municipalities/" + this.zeitz;
		assertThat(this.mvc.get().uri(profile)).hasStatusOk().bodyText().contains("Sign in to follow")
			.as("signing in brings the visitor back to the profile").contains("href=\"/login?next=/municipalities/" + this.zeitz + "\"");
		assertThat(this.mvc.get().uri(profile).with(as(this.email))).hasStatusOk().bodyText()
			.contains("name=\"action\" value=\"follow\"");

		assertThat(this.mvc.post().uri("/follows").param("type", "MUNICIPALITY").param("id", String.valueOf(this.zeitz))
			.param("action", "follow").with(csrf())).hasStatus3xxRedirection().redirectedUrl().contains("/login");
		assertThat(this.mvc.post().uri("/follows").with(as(this.email)).param("type", "MUNICIPALITY")
			.param("id", String.valueOf(this.zeitz)).param("action", "follow")).hasStatus(403);
		assertThat(follows()).isZero();

		assertThat(this.mvc.post().uri("/follows").with(as(this.email)).with(csrf()).param("type", "MUNICIPALITY")
			.param("id", String.valueOf(this.zeitz)).param("action", "follow").param("back", "//evil.example/x"))
			.hasRedirectedUrl(profile);
		assertThat(follows()).isEqualTo(1);
		assertThat(this.mvc.get().uri(profile).with(as(this.email))).bodyText().contains("Following (stop)");
		assertThat(this.mvc.get().uri("/notices/settings").with(as(this.email))).bodyText().contains("What you follow", "Zeitz");

		// A followed municipality's change reaches its follower.
		new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> this.context
			.getBean(Notices.class).announce(Announcement.of(NoticeKind.FOLLOWED_CHANGED)
				.to(Audience.followers(Followable.MUNICIPALITY, this.zeitz)).args("Zeitz").link(profile)));
		assertThat(this.jdbc.sql("SELECT count(*) FROM notices WHERE account_id = ? AND kind = 'FOLLOWED_CHANGED'")
			.param(this.account).query(Long.class).single()).isEqualTo(1);

		assertThat(this.mvc.post().uri("/follows").with(as(this.email)).with(csrf()).param("type", "MUNICIPALITY")
			.param("id", String.valueOf(this.zeitz)).param("action", "unfollow").param("back", "/notices/settings"))
			.hasRedirectedUrl("/notices/settings");
		assertThat(follows()).isZero();
		assertThat(this.mvc.post().uri("/follows").with(as(this.email)).with(csrf()).param("type", "PLANET").param("id", "1")
			.param("action", "follow")).hasStatus(404);
		assertThat(this.mvc.post().uri("/follows").with(as(this.email)).with(csrf()).param("type", "EVENT").param("id", "abc")
			.param("action", "follow")).hasStatus(404);
	}

	long follows() {
		return this.jdbc.sql("SELECT count(*) FROM follows WHERE account_id = ?").param(this.account).query(Long.class).single();
	}
}
