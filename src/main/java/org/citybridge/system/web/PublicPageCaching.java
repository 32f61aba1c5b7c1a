package org.citybridge.system.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.support.RequestContextUtils;

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
 */
class PublicPageCaching extends ShallowEtagHeaderFilter {

	private static final byte[] CSRF_FIELD = "name=\"_csrf\"".getBytes(StandardCharsets.US_ASCII);

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final String cacheControl;

	PublicPageCaching(Duration browserLifetime, Duration sharedLifetime) {
		setWriteWeakETag(true);
		this.cacheControl = "public, max-age=" + browserLifetime.toSeconds() + ", s-maxage=" + sharedLifetime.toSeconds();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod());
	}

	@Override
	protected boolean isEligibleForEtag(HttpServletRequest request, HttpServletResponse response, int status,
			InputStream body) {
		if (!super.isEligibleForEtag(request, response, status, body) || response.getHeader(HttpHeaders.CACHE_CONTROL) != null
				|| response.getHeader(HttpHeaders.SET_COOKIE) != null || !isPage(response) || !anonymous()
				|| hasFlash(request)) {
			return false;
		}
		try {
			if (contains(body, CSRF_FIELD)) {
				return false;
			}
		}
		catch (IOException ex) {
			return false;
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, this.cacheControl);
		response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
		return true;
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

	/** Whether the page holds the bytes. */
	private static boolean contains(InputStream body, byte[] needle) throws IOException {
		byte[] page = body.readAllBytes();
		outer: for (int i = 0; i <= page.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (page[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}
}
