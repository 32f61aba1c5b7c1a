package org.citybridge.system.web;


import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.citybridge.system.LoginAttempts;
import org.citybridge.system.Text;

/**
 * Everything public is readable without an account; every write needs one. URL rules here are the
 * first fence; each feature's service checks its own policy for every write as well.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	/** Pages that anyone may post to: signing in, the barrier report, invitations, resets and signing up. */
	static final String[] PUBLIC_POSTS = { "/login", "/accessibility", "/password-reset", "/password-reset/*",
			"/invitations/*", "/signup", "/signup/confirm/*" };

	@Bean
	SecurityFilterChain portalSecurity(HttpSecurity http, ObjectProvider<LoginAttempts> attempts) throws Exception {
		http.authorizeHttpRequests(requests -> requests
				.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
				.requestMatchers(EndpointRequest.toAnyEndpoint()).denyAll()
				.requestMatchers("/admin/**").hasRole("ADMIN")
				.requestMatchers("/audit/**", "/accessibility/reports", "/municipalities/import", "/municipalities/imports/**",
						"/municipalities/new", "/municipalities/*/records", "/municipalities/*/names", "/municipalities/*/merge",
						"/agreements/unverified", "/agreements/import", "/agreements/import/**", "/agreements/imports/**",
						"/agreements/dormant")
				.hasAnyRole("STAFF", "ADMIN")
				.requestMatchers("/funding/new", "/funding/*/edit", "/funding/*/calls/new", "/funding/*/calls/*/edit",
						"/funding/*/lump-sums", "/funding/*/calls/*/lump-sums")
				.hasAnyRole("STAFF", "ADMIN")
				.requestMatchers("/account/**", "/municipalities/*/edit", "/events/*/sessions/new", "/events/*/sessions/*/edit",
						"/events/*/edit", "/events/new", "/events/*/manage/**", "/events/*/meetings", "/events/*/meetings/**", "/agreements/new", "/agreements/*/edit",
						"/agreements/*/activities/new", "/agreements/*/activities/*/edit", "/agreements/*/check-in",
						"/requests", "/requests/**", "/municipalities/*/requests/**")
				.authenticated()
				.requestMatchers("/organisations/new", "/organisations/*/edit", "/learn/my", "/learn/training/new",
						"/learn/training/*/edit", "/learn/case-studies/new", "/learn/case-studies/*/edit", "/partner-searches/new",
						"/partner-searches/*/edit")
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/**").permitAll()
				.requestMatchers(HttpMethod.HEAD, "/**").permitAll()
				.requestMatchers(HttpMethod.POST, PUBLIC_POSTS).permitAll()
				.requestMatchers("/error").permitAll()
				.anyRequest().authenticated())
			.csrf(Customizer.withDefaults())
			.formLogin(form -> form.loginPage("/login")
				.successHandler((request, response, authentication) -> {
					attempts.ifAvailable(a -> a.succeeded(authentication.getName(), request.getRemoteAddr()));
					// Back to the page that sent the visitor to sign in ("Sign in to register" on an event); else home.
					String target = Text.localPath(request.getParameter("next"));
					if (target != null) {
						response.sendRedirect(target);
						return;
					}
					SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
					next.setDefaultTargetUrl("/home");
					next.onAuthenticationSuccess(request, response, authentication);
				})
				.failureHandler((request, response, exception) -> {
					LoginAttempts throttle = attempts.getIfAvailable();
					java.util.Optional<java.time.Instant> until = java.util.Optional.empty();
					if (throttle != null) {
						throttle.failed(request.getParameter("username"), request.getRemoteAddr());
						until = throttle.blockedUntil(request.getParameter("username"), request.getRemoteAddr());
					}
					response.sendRedirect(request.getContextPath() + signInAgain(request, until));
				})
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut=1").permitAll())
			.rememberMe(rememberMe -> rememberMe.disable())
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.addFilterBefore(new ThrottleFilter(attempts), UsernamePasswordAuthenticationFilter.class)
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.addHeaderWriter((request, response) -> response.setHeader("Permissions-Policy", PERMISSIONS_POLICY)));
		return http.build();
	}

	/**
	 * The sign-in page again after a refused attempt: "not right", or paused until a given time
	 * (seconds since the epoch; the page writes it in the reader's zone), keeping where to go next.
	 */
	static String signInAgain(HttpServletRequest request, java.util.Optional<java.time.Instant> until) {
		String target = Text.localPath(request.getParameter("next"));
		return "/login?" + until.map(u -> "throttled=" + u.getEpochSecond()).orElse("error")
				+ (target == null ? "" : "&next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
	}

	/** Refuses a sign-in attempt while its account or address is throttled, before any password check. */
	static class ThrottleFilter extends OncePerRequestFilter {

		private final ObjectProvider<LoginAttempts> attempts;

		ThrottleFilter(ObjectProvider<LoginAttempts> attempts) {
			this.attempts = attempts;
		}

		/** Only the sign-in form's POST: every other request passes by without a look-up. */
		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			if (!"POST".equals(request.getMethod())) {
				return true;
			}
			String uri = request.getRequestURI();
			String contextPath = request.getContextPath();
			return !(uri.length() == contextPath.length() + 6 && uri.startsWith(contextPath)
					&& uri.endsWith("/login"));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			LoginAttempts throttle = this.attempts.getIfAvailable();
			java.util.Optional<java.time.Instant> until = throttle == null ? java.util.Optional.empty()
					: throttle.blockedUntil(request.getParameter("username"), request.getRemoteAddr());
			if (until.isPresent()) {
				response.sendRedirect(request.getContextPath() + signInAgain(request, until));
				return;
			}
			chain.doFilter(request, response);
		}
	}
}
