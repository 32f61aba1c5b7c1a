package org.citybridge.system.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * HTTP caching of the public pages, the same for every anonymous visitor: a weak {@code ETag} over the
 * page (a repeated visit with {@code If-None-Match} is answered {@code 304 Not Modified}), {@code
 * Cache-Control: public} with a short lifetime for shared caches (a reverse proxy, a CDN) and none for
 * browsers, which ask again each time (so that a page changed while someone was signed in is never
 * shown stale after signing out), and {@code Vary} on what changes a page besides its address: the
 * language and zone come from a cookie or the {@code Accept-Language} header, the session from a cookie.
 * <p>
 * Never a page that is not the same for everyone: a signed-in visitor's, one carrying a form's CSRF
 * token, a message left by the previous action (flash), or one that sets a cookie; those keep Spring
 * Security's {@code no-store}. Runs inside the security filters, so that it knows who is signed in and
 * decides before they write their headers.
 * <p>
 * Such a page is also kept, rendered, for the next anonymous visitor who asks for it in the same way
 * (the same address, languages and cookies, no session): it is served from memory while the
 * database's {@code content_version} (advanced at the commit of every change of anything a public
 * page shows, V71, whoever writes) is the one it was rendered at, and within the minute of the
 * portal's clock it was rendered in (for what depends on the time: "closes in 3 days", the agenda's
 * "now"). A crowd reading the register or the forum's agenda costs one rendering per change, not one
 * per visit (docs/benchmarks.md, issue 21).
 */
class PublicPageCaching extends ShallowEtagHeaderFilter {

	private static final byte[] CSRF_FIELD = "name=\"_csrf\"".getBytes(StandardCharsets.US_ASCII);

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private static final String RENDERING = PublicPageCaching.class.getName() + ".rendering";

	private final String cacheControl;

	private final Rendered rendered;

	/**
	 * {@code version} reads the content version, {@code maxBytes} bounds the rendered pages kept (0
	 * keeps none).
	 */
	PublicPageCaching(Duration browserLifetime, Duration sharedLifetime, LongSupplier version, Clock clock,
			long maxBytes) {
		setWriteWeakETag(true);
		this.cacheControl = "public, max-age=" + browserLifetime.toSeconds() + ", s-maxage=" + sharedLifetime.toSeconds();
		this.rendered = maxBytes > 0 ? new Rendered(version, clock, maxBytes) : null;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Lookup lookup = this.rendered != null && mayBeKept(request) ? this.rendered.lookup(request) : null;
		if (lookup != null) {
			if (lookup.page() != null) {
				serve(lookup.page(), request, response);
				return;
			}
			request.setAttribute(RENDERING, lookup);
		}
		super.doFilterInternal(request, response, chain);
	}

	/**
	 * Whether the answer can be the same as another visitor's: no session (which could hold a message
	 * left by the previous action, or a sign-in) and no credentials.
	 */
	private boolean mayBeKept(HttpServletRequest request) {
		return request.getRequestedSessionId() == null && request.getHeader(HttpHeaders.AUTHORIZATION) == null
				&& mayBePage(request.getRequestURI()) && anonymous();
	}

	/**
	 * Whether the address can be a page: not a file (a name with an extension: the style sheet, a
	 * calendar, an export), not the static folders, not the actuator (whose health must answer while
	 * the database is out of reach). The others are looked up; what is not a page is not kept.
	 */
	static boolean mayBePage(String uri) {
		if (uri.startsWith("/css/") || uri.startsWith("/js/") || uri.startsWith("/webjars/") || uri.startsWith("/actuator")) {
			return false;
		}
		return uri.indexOf('.', uri.lastIndexOf('/') + 1) < 0;
	}

	private void serve(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setLocale(page.locale());
		response.setContentType(page.contentType());
		markPublic(response);
		response.setHeader(HttpHeaders.ETAG, page.etag());
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null && matches(ifNoneMatch, page.etag())) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentLength(page.body().length);
		response.getOutputStream().write(page.body());
	}

	/** A weak comparison, as for the pages this filter answers itself. */
	private static boolean matches(String ifNoneMatch, String etag) {
		String bare = etag.startsWith("W/") ? etag.substring(2) : etag;
		for (String candidate : ifNoneMatch.split(",")) {
			String c = candidate.trim();
			if (c.equals("*") || (c.startsWith("W/") ? c.substring(2) : c).equals(bare)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The page's ETag from two checksums the processor computes with its own instructions (CRC-32C
	 * and CRC-32) and the length, where Spring takes MD5: MD5 was a sixth of the register page's time
	 * (58 KB, 2026-12-07). An ETag only tells a cache whether its copy is the same page; it guards
	 * nothing, so a cryptographic digest buys nothing here.
	 */
	@Override
	protected String generateETagHeaderValue(InputStream input, boolean isWeak) throws IOException {
		return etag(input.readAllBytes(), isWeak);
	}

	private static String etag(byte[] bytes, boolean isWeak) {
		java.util.zip.CRC32C castagnoli = new java.util.zip.CRC32C();
		castagnoli.update(bytes);
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(bytes);
		java.util.HexFormat hex = java.util.HexFormat.of();
		return (isWeak ? "W/" : "") + "\"" + Integer.toHexString(bytes.length) + "-"
				+ hex.toHexDigits((int) castagnoli.getValue()) + hex.toHexDigits((int) crc.getValue()) + "\"";
	}

	@Override
	protected boolean isEligibleForEtag(HttpServletRequest request, HttpServletResponse response, int status,
			InputStream body) {
		if (!super.isEligibleForEtag(request, response, status, body) || response.getHeader(HttpHeaders.CACHE_CONTROL) != null
				|| response.getHeader(HttpHeaders.SET_COOKIE) != null || !isPage(response) || !anonymous()
				|| hasFlash(request)) {
			return false;
		}
		byte[] page;
		try {
			// The caching response's own copy of the body, of its size (else, from another caller, the stream).
			page = response instanceof ContentCachingResponseWrapper cached ? cached.getContentAsByteArray()
					: body.readAllBytes();
			if (contains(page, CSRF_FIELD)) {
				return false;
			}
		}
		catch (IOException ex) {
			return false;
		}
		markPublic(response);
		// Computed here from the bytes just read; the filter then takes it rather than reading the body again.
		String etag = etag(page, isWriteWeakETag());
		response.setHeader(HttpHeaders.ETAG, etag);
		if (request.getAttribute(RENDERING) instanceof Lookup lookup && status == HttpServletResponse.SC_OK) {
			this.rendered.keep(lookup, new Page(page, response.getContentType(),
					response.getLocale(), etag));
		}
		return true;
	}

	/** The same for everyone: kept by shared caches, asked again by browsers, per language and cookies. */
	private void markPublic(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, this.cacheControl);
		response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
	}

	private static boolean isPage(HttpServletResponse response) {
		String type = response.getContentType();
		return type != null && type.startsWith("text/html");
	}

	private boolean anonymous() {
		Authentication who = SecurityContextHolder.getContext().getAuthentication();
		return who == null || this.trust.isAnonymous(who);
	}

	private static boolean hasFlash(HttpServletRequest request) {
		Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
		return flash != null && !flash.isEmpty();
	}

	/**
	 * Whether the page holds the bytes (ASCII): read as Latin-1, whose search the JVM runs with vector
	 * instructions — the byte-by-byte loop it replaces was 3 % of the register page's time.
	 */
	private static boolean contains(byte[] page, byte[] needle) {
		return new String(page, java.nio.charset.StandardCharsets.ISO_8859_1)
			.contains(new String(needle, java.nio.charset.StandardCharsets.ISO_8859_1));
	}

	/** A page as rendered for an anonymous visitor. */
	private record Page(byte[] body, String contentType, java.util.Locale locale, String etag) {
	}

	/** What a request was looked up as: its key, the version and minute read before rendering. */
	private record Lookup(String key, long version, long minute, Page page) {
	}

	/**
	 * The rendered pages of one minute of the portal's clock, each with the content version it was
	 * rendered at; at most {@code maxBytes} of pages (all are forgotten when there would be more).
	 */
	private static final class Rendered {

		private record Kept(long version, Page page) {
		}

		private final Map<String, Kept> pages = new ConcurrentHashMap<>();

		private final AtomicLong bytes = new AtomicLong();

		private final LongSupplier version;

		private final Clock clock;

		private final long maxBytes;

		private volatile long minute;

		Rendered(LongSupplier version, Clock clock, long maxBytes) {
			this.version = version;
			this.clock = clock;
			this.maxBytes = maxBytes;
		}

		/** The request's key and version, with its page if kept; null when the version cannot be read. */
		Lookup lookup(HttpServletRequest request) {
			// The version is read before the page is rendered: a change committed meanwhile moves it on.
			long version;
			try {
				version = this.version.getAsLong();
			}
			catch (RuntimeException ex) {
				// The database out of reach: the page itself says so (or recovers), nothing is kept.
				return null;
			}
			long minute = Math.floorDiv(this.clock.millis(), 60_000L);
			if (minute != this.minute) {
				synchronized (this) {
					if (minute != this.minute) {
						forget();
						this.minute = minute;
					}
				}
			}
			String key = key(request);
			Kept kept = this.pages.get(key);
			Page page = kept != null && kept.version() == version ? kept.page() : null;
			return new Lookup(key, version, minute, page);
		}

		void keep(Lookup lookup, Page page) {
			if (lookup.minute() != this.minute || page.body().length > this.maxBytes / 16) {
				return;
			}
			if (this.bytes.addAndGet(page.body().length) > this.maxBytes) {
				forget();
				this.bytes.addAndGet(page.body().length);
			}
			this.pages.put(lookup.key(), new Kept(lookup.version(), page));
		}

		private synchronized void forget() {
			this.pages.clear();
			this.bytes.set(0);
		}

		/** Everything a public page depends on besides the data: address, languages, cookies (language, zone). */
		private static String key(HttpServletRequest request) {
			String query = request.getQueryString();
			return request.getRequestURI() + (query == null ? "" : "?" + query) + "\n"
					+ nullToEmpty(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)) + "\n"
					+ nullToEmpty(request.getHeader(HttpHeaders.COOKIE));
		}

		private static String nullToEmpty(String value) {
			return value == null ? "" : value;
		}
	}
}
