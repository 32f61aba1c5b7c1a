package org.citybridge.system;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The portal's public address ({@code citybridge.public-url}, or {@code CITYBRIDGE_PUBLIC_URL}),
 * from which every absolute link is made: in mails (invitations, password resets, requests),
 * iCalendar files and feeds, JSON-LD, Atom and open data. Never from the request: a request that
 * names another host ({@code Host: evil.example}, {@code X-Forwarded-Host}) would otherwise put
 * a live reset link to that host in someone's mail.
 *
 * <p>
 * Required outside the demo (the portal refuses to start without it); the demo
 * ({@code mvn spring-boot:run}) uses {@code http://localhost:8080}. Every request is seen by the
 * application as addressed to that origin (scheme, host and port), so that
 * {@code ServletUriComponentsBuilder} and anything else that asks the request for its address gets
 * the public one; forwarded headers are dropped.
 */
@Configuration(proxyBeanMethods = false)
public class PublicUrl {

	private final URI origin;

	PublicUrl(@Value("${citybridge.public-url:}") String configured,
			@Value("${citybridge.demo.enabled:false}") boolean demo,
			@Value("${server.port:8080}") int port) {
		this.origin = parse(configured, demo, port);
	}

	/** The public origin, such as {@code https://citybridge.example.org} (no slash at the end): for absolute links made outside a request (mails of a scheduled job). */
	public String origin() {
		return this.origin.toString();
	}

	/**
	 * The settings of a command-line run (an import): its portal listens quietly on a free port of
	 * its own, and as it makes no links, it needs no public address (one configured is kept).
	 */
	public static java.util.Map<String, Object> commandSettings(org.springframework.core.env.Environment environment) {
		java.util.Map<String, Object> settings = new java.util.HashMap<>();
		settings.put("server.port", "0");
		settings.put("spring.main.banner-mode", "off");
		String configured = environment.getProperty("citybridge.public-url", "");
		settings.put("citybridge.public-url", configured.isBlank() ? "http://localhost" : configured);
		return settings;
	}

	static URI parse(String configured, boolean demo, int port) {
		String value = configured == null ? "" : configured.strip();
		if (value.isEmpty()) {
			if (!demo) {
				throw new Invalid("Set citybridge.public-url (environment variable CITYBRIDGE_PUBLIC_URL) to "
						+ "the portal's public address, such as https://citybridge.example.org: links in mails, feeds and "
						+ "open data are made from it, never from the address a request names.");
			}
			value = "http://localhost:" + (port > 0 ? port : 8080);
		}
		while (value.endsWith("/")) {
			value = value.substring(0, value.length() - 1);
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			throw new Invalid("citybridge.public-url is not an address: " + value);
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
				|| (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
				|| uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
			throw new Invalid("citybridge.public-url must be an origin such as https://citybridge.example.org "
					+ "(http or https, a host, an optional port, nothing after it): " + value);
		}
		return uri;
	}

	/** The public address is missing or is not an origin; the portal does not start. */
	static final class Invalid extends IllegalStateException {

		Invalid(String message) {
			super(message);
		}
	}

	/** Says in one paragraph what to set, instead of a stack trace. */
	static final class InvalidAnalyzer
			extends org.springframework.boot.diagnostics.AbstractFailureAnalyzer<Invalid> {

		@Override
		protected org.springframework.boot.diagnostics.FailureAnalysis analyze(Throwable rootFailure, Invalid cause) {
			return new org.springframework.boot.diagnostics.FailureAnalysis(cause.getMessage(),
					"Start the portal with CITYBRIDGE_PUBLIC_URL=https://your.portal.example (or --citybridge.public-url=…); "
							+ "for a try-out on this machine, run the demo: mvn spring-boot:run.",
					cause);
		}
	}

	/** Runs first, before security and everything that builds a link. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> publicUrlFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(this.origin));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	static final class Filter extends OncePerRequestFilter {

		private final URI origin;

		Filter(URI origin) {
			this.origin = origin;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(new Addressed(request, this.origin), response);
		}
	}

	/** The request as addressed to the public origin. */
	static final class Addressed extends HttpServletRequestWrapper {

		private final URI origin;

		private final int port;

		Addressed(HttpServletRequest request, URI origin) {
			super(request);
			this.origin = origin;
			this.port = origin.getPort() != -1 ? origin.getPort() : "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80;
		}

		@Override
		public String getScheme() {
			return this.origin.getScheme();
		}

		@Override
		public boolean isSecure() {
			return "https".equalsIgnoreCase(this.origin.getScheme()) || super.isSecure();
		}

		@Override
		public String getServerName() {
			return this.origin.getHost();
		}

		@Override
		public int getServerPort() {
			return this.port;
		}

		@Override
		public StringBuffer getRequestURL() {
			return new StringBuffer(this.origin.toString()).append(getRequestURI());
		}

		@Override
		public String getHeader(String name) {
			if ("host".equalsIgnoreCase(name)) {
				return host();
			}
			return forwarded(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			if ("host".equalsIgnoreCase(name)) {
				return Collections.enumeration(java.util.List.of(host()));
			}
			return forwarded(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections.enumeration(Collections.list(super.getHeaderNames())
				.stream()
				.filter(name -> !forwarded(name))
				.toList());
		}

		private String host() {
			return this.origin.getRawAuthority();
		}

		private static boolean forwarded(String name) {
			String lower = name.toLowerCase(Locale.ROOT);
			return lower.equals("forwarded") || lower.startsWith("x-forwarded-");
		}
	}
}
