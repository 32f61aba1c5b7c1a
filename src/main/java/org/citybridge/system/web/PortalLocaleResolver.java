package org.citybridge.system.web;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Locale from the {@code lang} cookie (set by {@code ?lang=}), else the first supported language
 * of {@code Accept-Language}, else English. Unsupported languages never reach a page.
 */
class PortalLocaleResolver extends CookieLocaleResolver {

	static final String COOKIE = "citybridge-lang";

	PortalLocaleResolver() {
		super(COOKIE);
		setCookieMaxAge(Duration.ofDays(365));
		setCookieSameSite("Lax");
		setCookieHttpOnly(true);
		setDefaultLocaleFunction(PortalLocaleResolver::fromAcceptLanguage);
	}

	private static Locale fromAcceptLanguage(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") != null) {
			for (Locale requested : Collections.list(request.getLocales())) {
				Locale supported = SupportedLocales.match(requested);
				if (supported != null) {
					return supported;
				}
			}
		}
		return SupportedLocales.ENGLISH;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Locale resolved = SupportedLocales.match(super.resolveLocale(request));
		return resolved != null ? resolved : fromAcceptLanguage(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale supported = SupportedLocales.match(locale);
		if (supported != null) {
			super.setLocale(request, response, supported);
		}
	}
}
