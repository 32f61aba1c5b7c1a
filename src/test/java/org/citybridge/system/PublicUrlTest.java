package org.citybridge.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public address is configured, checked at start-up, and required outside the demo. */
class PublicUrlTest {

	@Test
	void anOriginIsTakenWithoutItsTrailingSlash() {
		assertThat(PublicUrl.parse("https://citybridge.example.org/", false, 8080)).hasToString("https://citybridge.example.org");
		assertThat(PublicUrl.parse(" http://portal.example:8443 ", false, 8080)).hasToString("http://portal.example:8443");
	}

	@Test
	void outsideTheDemoThePortalRefusesToStartWithoutIt() {
		assertThatThrownBy(() -> PublicUrl.parse("", false, 8080)).hasMessageContaining("CITYBRIDGE_PUBLIC_URL");
		assertThatThrownBy(() -> PublicUrl.parse(null, false, 8080)).hasMessageContaining("citybridge.public-url");
	}

	@Test
	void aPortalStartedWithoutItSaysWhatToSetInsteadOfAStackTrace() {
		Throwable failure = new IllegalStateException("context failed", catchInvalid());
		org.springframework.boot.diagnostics.FailureAnalysis analysis = new PublicUrl.InvalidAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("citybridge.public-url");
		assertThat(analysis.getAction()).contains("CITYBRIDGE_PUBLIC_URL", "mvn spring-boot:run");
	}

	private static Throwable catchInvalid() {
		try {
			PublicUrl.parse("", false, 8080);
			throw new AssertionError("no failure");
		}
		catch (PublicUrl.Invalid invalid) {
			return invalid;
		}
	}

	@Test
	void theDemoUsesItsOwnPortOnThisMachine() {
		assertThat(PublicUrl.parse("", true, 8080)).hasToString("http://localhost:8080");
		assertThat(PublicUrl.parse("", true, 9090)).hasToString("http://localhost:9090");
	}

	@Test
	void refusesWhatIsNotAnOrigin() {
		for (String bad : new String[] { "citybridge.example.org", "ftp://citybridge.example.org",
				"https://citybridge.example.org/portal", "https://citybridge.example.org?x=1", "https://user@citybridge.example.org",
				"https://", "http://exa mple.org" }) {
			assertThatThrownBy(() -> PublicUrl.parse(bad, false, 8080)).as(bad).isInstanceOf(IllegalStateException.class);
		}
	}
}
