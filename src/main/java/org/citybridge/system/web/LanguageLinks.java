package org.citybridge.system.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language switcher's links: the page the user is on, with {@code lang} set to each
 * supported language, so switching language keeps the page and its query.
 */
public record LanguageLinks(List<Link> links) {

	/** One entry of the switcher; {@code current} marks the language of the page. */
	public record Link(String code, String label, String href, boolean current) {
	}

	static LanguageLinks of(HttpServletRequest request, Locale current) {
		Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = errorUri != null ? errorUri.toString() : request.getRequestURI();
		String query = errorUri != null ? (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING)
				: request.getQueryString();
		String contextPath = request.getContextPath();
		String pagePath = (!contextPath.isEmpty() && path.startsWith(contextPath))
				? path.substring(contextPath.length()) : path;
		List<Link> links = SupportedLocales.ALL.stream().map(locale -> {
			String href = UriComponentsBuilder.fromPath(pagePath.isEmpty() ? "/" : pagePath)
				.query(query)
				.replaceQueryParam("lang", locale.getLanguage())
				.build()
				.toUriString();
			return new Link(locale.getLanguage(), StringUtils.capitalize(locale.getDisplayLanguage(locale)), contextPath + href,
					locale.getLanguage().equals(current.getLanguage()));
		}).toList();
		return new LanguageLinks(links);
	}
}
