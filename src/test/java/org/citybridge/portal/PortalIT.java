package org.citybridge.portal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.io.ByteArrayInputStream;

import org.citybridge.IntegrationTest;
import org.citybridge.municipality.MunicipalityDemoData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal as a browser meets it over HTTP: error pages, health, compression, weight, caching. */
@IntegrationTest
class PortalIT {

	@LocalServerPort
	int port;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	MunicipalityDemoData demoData;

	@Autowired
	org.springframework.context.ApplicationContext context;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void demoData() {
		this.demoData.load();
	}

	@Test
	void theHomePageCountsWhatTheDatabaseHolds() throws Exception {
		HttpResponse<String> home = get("/", "en");
		assertThat(home.statusCode()).isEqualTo(200);
		// Other tests add places to the same database: the page shows what it holds now.
		long count = this.jdbc.sql("SELECT count(*) FROM municipalities").query(Long.class).single();
		assertThat(count).isGreaterThanOrEqualTo(40);
		assertThat(home.body()).containsPattern("<strong>" + java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH).format(count)
				+ "</strong>\\s*<span>municipalities</span>");
	}

	@Test
	void anUnknownAddressIsA404PageInTheLayoutAndTheVisitorsLanguage() throws Exception {
		HttpResponse<String> page = get("/no-such-page", "mn");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<html lang=\"mn\">", "Хуудас олдсонгүй", "Үндсэн агуулга руу шилжих")
			.doesNotContain("Exception", "at org.", "Whitelabel");
	}

	@Test
	void errorPagesAnswerEvenWhenTheClientAsksForJson() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri("/no-such-page")).header("Accept", "*/*").build();
		HttpResponse<String> page = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Page not found");
	}

	@Test
	void aMalformedIdOrAnUnknownIdIsA404NotA500() throws Exception {
		assertThat(get("/municipalities/abc", "en").statusCode()).isEqualTo(404);
		assertThat(get("/municipalities/99999999999999999999", "en").statusCode()).isEqualTo(404);
		assertThat(get("/municipalities/424242", "fr").body()).contains("Page introuvable");
	}

	@Test
	void aFormPostWithoutCsrfTokenIsRefusedWithThe403Page() throws Exception {
		HttpRequest post = HttpRequest.newBuilder(uri("/municipalities"))
			.header("Accept-Language", "fr")
			.POST(HttpRequest.BodyPublishers.ofString("q=x"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.build();
		HttpResponse<String> response = this.http.send(post, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("Vous n’êtes pas autorisé à faire cela");
	}

	@Test
	void healthIsPublicAndReportsTheDatabaseButNothingElseOfTheActuatorIs() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri("/actuator/health")).header("Accept", "application/json").build();
		HttpResponse<String> health = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"db\":{\"status\":\"UP\"}");
		assertThat(get("/actuator/env", "en").statusCode()).isIn(403, 404);
		assertThat(get("/actuator/beans", "en").statusCode()).isIn(403, 404);
	}

	@Test
	void theHomeAndDirectoryPagesWeighAtMost50KilobytesOnAFirstVisit() throws Exception {
		for (String page : List.of("/", "/municipalities")) {
			HttpResponse<byte[]> html = getGzip(page);
			assertThat(html.headers().firstValue("Content-Encoding")).hasValue("gzip");
			long total = html.body().length;
			String body = gunzip(html.body());
			for (String asset : assetsOf(body)) {
				HttpResponse<byte[]> response = getGzip(asset);
				assertThat(response.statusCode()).as(asset).isEqualTo(200);
				total += response.body().length;
			}
			assertThat(total).as("bytes over the wire for %s", page).isLessThanOrEqualTo(50 * 1024);
		}
	}

	@Test
	void staticAssetsHaveVersionedUrlsAndLongCacheLifetimes() throws Exception {
		List<String> assets = assetsOf(get("/", "en").body());
		assertThat(assets).anyMatch(a -> a.matches("/css/citybridge-[0-9a-f]{32}\\.css"))
			.anyMatch(a -> a.contains("/webjars/picocss__pico/"))
			.anyMatch(a -> a.contains("/webjars/htmx.org/"));
		for (String asset : assets) {
			HttpResponse<byte[]> response = getGzip(asset);
			assertThat(response.headers().firstValue("Cache-Control")).as(asset)
				.hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000"));
		}
	}

	@Test
	void theLanguageCookieIsHttpOnlyAndSameSite() throws Exception {
		HttpResponse<String> page = get("/?lang=mn", "en");
		assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("citybridge-lang=mn").contains("HttpOnly").contains("SameSite=Lax"));
	}

	@Test
	void pagesCarryASecurityPolicyThatForbidsInlineScript() throws Exception {
		HttpResponse<String> home = get("/", "en");
		assertThat(home.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
		assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(home.headers().firstValue("Permissions-Policy")).hasValueSatisfying(p -> assertThat(p).contains("camera=()"));
		assertThat(home.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(home.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
	}

	@Test
	void anAnonymousPublicPageIsAnswered304WhenUnchangedButAFormOrASignedInPageIsNeverStored() throws Exception {
		HttpResponse<String> first = get("/privacy", "fr");
		assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).startsWith("public"));
		assertThat(String.join(",", first.headers().allValues("Vary")).toLowerCase()).contains("cookie", "accept-language");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> again = this.http.send(HttpRequest.newBuilder(uri("/privacy")).header("Accept-Language", "fr")
			.header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();

		HttpResponse<String> form = get("/login", "fr");
		assertThat(form.body()).contains("name=\"_csrf\"");
		assertThat(form.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
		assertThat(form.headers().firstValue("ETag")).isEmpty();

		org.citybridge.account.AccountTestSupport.loadDemoData(this.context);
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		String loginPage = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + enc(org.citybridge.account.AccountTestSupport.OFFICER_DARKHAN)
					+ "&password=" + enc(org.citybridge.account.AccountTestSupport.PASSWORD) + "&_csrf="
					+ enc(org.citybridge.account.AccountTestSupport.csrfToken(loginPage))))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(uri("/privacy")).header("Accept-Language", "fr")
			.header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(signedIn.body()).contains("action=\"/logout\"");
		assertThat(signedIn.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
		assertThat(signedIn.headers().firstValue("ETag")).isEmpty();
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private List<String> assetsOf(String html) {
		List<String> assets = new ArrayList<>();
		Matcher m = Pattern.compile("(?:href|src)=\"(/(?:css|webjars)/[^\"]+)\"").matcher(html);
		while (m.find()) {
			assets.add(m.group(1));
		}
		return assets;
	}

	private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri(path))
			.header("Accept", "text/html")
			.header("Accept-Language", language)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<byte[]> getGzip(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri(path))
			.header("Accept", "text/html,text/css,*/*")
			.header("Accept-Encoding", "gzip")
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String gunzip(byte[] bytes) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}
}
